//! Small pieces of the sentences findings are written in.

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 product", "3 products".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "the same need", "both needs", "all 4 needs": every one of `n` needs.
pub fn all_needs(n: usize) -> String {
    match n {
        1 => "the same need".to_owned(),
        2 => "both needs".to_owned(),
        n => format!("all {n} needs"),
    }
}

/// A share as a whole percentage, rounded down so that a value just below
/// a threshold never reads as the threshold: 0.317 → "31%", 0.599 → "59%".
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0 + 1e-9).floor())
}

/// A name in quotes, so that names with commas or "and" in them stay whole
/// in a sentence: “Fewer vendors, one contract”.
pub fn quoted(name: &str) -> String {
    format!("\u{201c}{name}\u{201d}")
}

/// A score with two decimals.
pub fn score(v: f64) -> String {
    format!("{v:.2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&s(&[])), "");
        assert_eq!(join_and(&s(&["a"])), "a");
        assert_eq!(join_and(&s(&["a", "b"])), "a and b");
        assert_eq!(join_and(&s(&["a", "b", "c"])), "a, b and c");
        assert_eq!(count(1, "need", "needs"), "1 need");
        assert_eq!(percent(0.317), "31%", "rounded down");
        assert_eq!(percent(0.599), "59%", "just below 60% never reads as 60%");
        assert_eq!(percent(0.6), "60%", "exact values stay exact");
        assert_eq!(quoted("a, b"), "\u{201c}a, b\u{201d}");
    }
}
