//! Personas drawn to more than one product: cross-sell paths.

use super::MultiProduct;
use crate::graph::EcosystemGraph;
use crate::model::ProductRelation;

pub(crate) fn phrase(relation: ProductRelation) -> &'static str {
    match relation {
        ProductRelation::OwnedBy => "its team wrote the persona",
        ProductRelation::Targets => "markets to it",
        ProductRelation::Uses => "in use",
        ProductRelation::Evaluates => "under evaluation",
    }
}

/// O(|personas| + |persona-product links|).
pub fn find(graph: &EcosystemGraph<'_>) -> Vec<MultiProduct> {
    let project = graph.project();
    let mut out: Vec<(MultiProduct, usize, u8)> = Vec::new();
    for (i, persona) in project.personas.iter().enumerate() {
        // Products in the order the persona lists them, each with its ties
        // (petgraph lists a node's edges newest first).
        let mut ties: Vec<(usize, ProductRelation)> = graph.products_of(i).collect();
        ties.reverse();
        let mut products: Vec<(usize, Vec<ProductRelation>)> = Vec::new();
        for (p, relation) in ties {
            match products.iter_mut().find(|(q, _)| *q == p) {
                Some((_, rels)) => rels.push(relation),
                None => products.push((p, vec![relation])),
            }
        }
        if products.len() < 2 {
            continue;
        }
        let mut why = format!("{} is drawn to {} products: ", persona.name, products.len());
        for (k, (p, rels)) in products.iter().enumerate() {
            if k > 0 {
                why.push_str(if k + 1 == products.len() {
                    " and "
                } else {
                    ", "
                });
            }
            why.push_str(&project.products[*p].name);
            why.push_str(" (");
            for (r, rel) in rels.iter().enumerate() {
                if r > 0 {
                    why.push_str("; ");
                }
                why.push_str(phrase(*rel));
            }
            why.push(')');
        }
        why.push_str(". A cross-sell path.");
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
