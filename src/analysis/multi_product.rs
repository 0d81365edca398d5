//! Personas drawn to more than one product: cross-sell paths.

use super::MultiProduct;
use super::text::join_and;
use crate::graph::EcosystemGraph;
use crate::model::ProductRelation;

fn phrase(relation: ProductRelation) -> &'static str {
    match relation {
        ProductRelation::OwnedBy => "written by its team",
        ProductRelation::Targets => "targeted",
        ProductRelation::Uses => "uses it",
        ProductRelation::Evaluates => "evaluating it",
    }
}

/// O(|personas| + |persona-product links|).
pub fn find(graph: &EcosystemGraph<'_>) -> Vec<MultiProduct> {
    let project = graph.project();
    let mut out: Vec<(MultiProduct, usize, u8)> = Vec::new();
    for (i, persona) in project.personas.iter().enumerate() {
        // Products in the order the persona lists them, each with its ties.
        let mut products: Vec<(usize, Vec<ProductRelation>)> = Vec::new();
        for link in &persona.products {
            let Some(p) = graph
                .products_of(i)
                .find(|(p, rel)| project.products[*p].id == link.product && *rel == link.relation)
                .map(|(p, _)| p)
            else {
                continue;
            };
            match products.iter_mut().find(|(q, _)| *q == p) {
                Some((_, rels)) => rels.push(link.relation),
                None => products.push((p, vec![link.relation])),
            }
        }
        if products.len() < 2 {
            continue;
        }
        let described: Vec<String> = products
            .iter()
            .map(|(p, rels)| {
                let how: Vec<&str> = rels.iter().map(|r| phrase(*r)).collect();
                format!("{} ({})", project.products[*p].name, how.join(", "))
            })
            .collect();
        let why = format!(
            "{} is drawn to {} products: {}. A cross-sell path.",
            persona.name,
            products.len(),
            join_and(&described)
        );
        out.push((
            MultiProduct {
                persona: persona.id.clone(),
                products: products
                    .iter()
                    .map(|(p, _)| project.products[*p].id.clone())
                    .collect(),
                why,
            },
            products.len(),
            persona.priority.map_or(0, |p| p.get()),
        ));
    }
    out.sort_by(|(a, na, pa), (b, nb, pb)| {
        nb.cmp(na)
            .then_with(|| pb.cmp(pa))
            .then_with(|| a.persona.cmp(&b.persona))
    });
    out.into_iter().map(|(m, _, _)| m).collect()
}
