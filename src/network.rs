//! A project as a network for graph tools: GraphML (yEd, Gephi, NetworkX)
//! and GEXF 1.3 (Gephi). Every entity is a node with its kind, name and
//! fields; every link is an edge with its kind and number (importance,
//! score, weight) or relation; the map's stored positions are the nodes'
//! positions. Written with quick-xml, which escapes every name and value.

use std::collections::BTreeMap;
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::error::{Error, Result};
use crate::model::{AttributeValue, Attributes, NodePosition, Project};

/// A value of a node's or an edge's attribute.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Val {
    fn text(&self) -> String {
        match self {
            Val::Text(t) => t.clone(),
            Val::Number(n) => n.to_string(),
            Val::Bool(b) => b.to_string(),
        }
    }
}

struct Node {
    id: String,
    kind: &'static str,
    label: String,
    data: Vec<(String, Val)>,
    position: Option<(f64, f64)>,
}

struct Edge {
    source: String,
    target: String,
    kind: String,
    data: Vec<(String, Val)>,
}

/// The nodes and edges of a project.
struct Network {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

/// An enum's name as the interchange format writes it (`owned_by`).
fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn text(key: &str, value: &Option<String>, data: &mut Vec<(String, Val)>) {
    if let Some(v) = value {
        data.push((key.to_owned(), Val::Text(v.clone())));
    }
}

fn list(key: &str, items: &[String], data: &mut Vec<(String, Val)>) {
    if !items.is_empty() {
        data.push((
            key.to_owned(),
            Val::Text(crate::sheets::join_list(items.iter().map(String::as_str))),
        ));
    }
}

fn attributes(attrs: &Attributes, data: &mut Vec<(String, Val)>) {
    for (k, v) in attrs {
        let v = match v {
            AttributeValue::Text(t) => Val::Text(t.clone()),
            AttributeValue::Number(n) => Val::Number(n.as_f64().unwrap_or(0.0)),
            AttributeValue::Bool(b) => Val::Bool(*b),
        };
        data.push((format!("attr_{k}"), v));
    }
}

fn network(project: &Project, positions: &[NodePosition]) -> Network {
    let at: BTreeMap<&str, (f64, f64)> = positions
        .iter()
        .map(|p| (p.id.as_str(), (p.x, p.y)))
        .collect();
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut node = |id: &str, kind: &'static str, name: &str, data: Vec<(String, Val)>| {
        nodes.push(Node {
            id: id.to_owned(),
            kind,
            label: name.to_owned(),
            data,
            position: at.get(id).copied(),
        });
    };
    let mut edge = |source: &str, target: &str, kind: &str, data: Vec<(String, Val)>| {
        edges.push(Edge {
            source: source.to_owned(),
            target: target.to_owned(),
            kind: kind.to_owned(),
            data,
        });
    };
    let num = |k: &str, n: f64| (k.to_owned(), Val::Number(n));

    for s in &project.market_segments {
        let mut d = Vec::new();
        text("description", &s.description, &mut d);
        if let Some(size) = s.size {
            d.push(num("size", size));
        }
        if let Some(p) = s.priority {
            d.push(num("priority", f64::from(p.get())));
        }
        attributes(&s.attributes, &mut d);
        node(s.id.as_str(), "market_segment", &s.name, d);
    }
    for s in &project.customer_segments {
        let mut d = Vec::new();
        text("description", &s.description, &mut d);
        if let Some(p) = s.priority {
            d.push(num("priority", f64::from(p.get())));
        }
        attributes(&s.attributes, &mut d);
        node(s.id.as_str(), "customer_segment", &s.name, d);
    }
    for r in &project.buying_roles {
        let mut d = Vec::new();
        text("description", &r.description, &mut d);
        d.push(("required".into(), Val::Bool(r.required)));
        d.push(("decides".into(), Val::Bool(r.decides)));
        attributes(&r.attributes, &mut d);
        node(r.id.as_str(), "buying_role", &r.name, d);
    }
    for n in &project.needs {
        let mut d = Vec::new();
        text("description", &n.description, &mut d);
        attributes(&n.attributes, &mut d);
        node(n.id.as_str(), "need", &n.name, d);
    }
    // Products and competitors alike: each meets needs with a score.
    let offers = project
        .products
        .iter()
        .map(|p| {
            (
                "product",
                p.id.as_str(),
                &p.name,
                &p.description,
                &p.attributes,
                &p.addresses,
            )
        })
        .chain(project.competitors.iter().map(|c| {
            (
                "competitor",
                c.id.as_str(),
                &c.name,
                &c.description,
                &c.attributes,
                &c.addresses,
            )
        }));
    for (kind, id, name, description, attrs, addresses) in offers {
        let mut d = Vec::new();
        text("description", description, &mut d);
        attributes(attrs, &mut d);
        node(id, kind, name, d);
        for a in addresses {
            edge(
                id,
                a.need.as_str(),
                "meets",
                vec![num("score", a.score.get())],
            );
        }
    }
    for p in &project.personas {
        let mut d = Vec::new();
        text("description", &p.description, &mut d);
        text("title", &p.title, &mut d);
        text("quote", &p.quote, &mut d);
        list("goals", &p.goals, &mut d);
        list("pain_points", &p.pain_points, &mut d);
        list("channels", &p.channels, &mut d);
        list("used_by", &p.used_by, &mut d);
        if let Some(pr) = p.priority {
            d.push(num("priority", f64::from(pr.get())));
        }
        if let Some(s) = p.status {
            d.push(("status".into(), Val::Text(code(&s))));
        }
        if let Some(date) = p.last_reviewed {
            d.push(("last_reviewed".into(), Val::Text(date.to_string())));
        }
        text("rules", &p.rules, &mut d);
        d.push(num("evidence", p.evidence.len() as f64));
        attributes(&p.attributes, &mut d);
        node(p.id.as_str(), "persona", &p.name, d);
        let id = p.id.as_str();
        if let Some(s) = &p.market_segment {
            edge(id, s.as_str(), "in_market_segment", Vec::new());
        }
        if let Some(s) = &p.customer_segment {
            edge(id, s.as_str(), "in_customer_segment", Vec::new());
        }
        if let Some(r) = &p.buying_role {
            edge(id, r.as_str(), "plays_role", Vec::new());
        }
        for n in &p.needs {
            edge(
                id,
                n.need.as_str(),
                "needs",
                vec![num("importance", n.importance.get())],
            );
        }
        for pp in &p.products {
            edge(id, pp.product.as_str(), &code(&pp.relation), Vec::new());
        }
    }
    for r in &project.relationships {
        let mut d = vec![num("weight", r.weight.get())];
        text("description", &r.description, &mut d);
        attributes(&r.attributes, &mut d);
        edge(r.from.as_str(), r.to.as_str(), &code(&r.kind), d);
    }
    for u in &project.buying_units {
        let mut d = Vec::new();
        text("description", &u.description, &mut d);
        attributes(&u.attributes, &mut d);
        node(u.id.as_str(), "buying_unit", &u.name, d);
        let id = u.id.as_str();
        if let Some(p) = &u.product {
            edge(id, p.as_str(), "buys", Vec::new());
        }
        if let Some(s) = &u.market_segment {
            edge(id, s.as_str(), "in_market_segment", Vec::new());
        }
        for m in &u.members {
            let mut d = Vec::new();
            if let Some(role) = &m.role {
                d.push(("role".into(), Val::Text(role.as_str().to_owned())));
            }
            edge(id, m.persona.as_str(), "member", d);
        }
    }
    for j in &project.journeys {
        let mut d = Vec::new();
        text("description", &j.description, &mut d);
        let stages: Vec<String> = j.stages.iter().map(|s| s.name.clone()).collect();
        list("stages", &stages, &mut d);
        attributes(&j.attributes, &mut d);
        node(j.id.as_str(), "journey", &j.name, d);
        for p in &j.personas {
            edge(j.id.as_str(), p.as_str(), "journey_of", Vec::new());
        }
    }
    Network { nodes, edges }
}

/// The type of each data key: a number or boolean key when every value of
/// it is one, else text.
#[derive(Clone, Copy, PartialEq)]
enum KeyType {
    Number,
    Bool,
    Text,
}

fn key_types<'a>(items: impl Iterator<Item = &'a (String, Val)>) -> BTreeMap<String, KeyType> {
    let mut types: BTreeMap<String, KeyType> = BTreeMap::new();
    for (k, v) in items {
        let t = match v {
            Val::Number(_) => KeyType::Number,
            Val::Bool(_) => KeyType::Bool,
            Val::Text(_) => KeyType::Text,
        };
        types
            .entry(k.clone())
            .and_modify(|e| {
                if *e != t {
                    *e = KeyType::Text;
                }
            })
            .or_insert(t);
    }
    types
}

/// A key type as GraphML and GEXF name it.
fn type_name(t: KeyType) -> &'static str {
    match t {
        KeyType::Number => "double",
        KeyType::Bool => "boolean",
        KeyType::Text => "string",
    }
}

impl Network {
    /// The type of each data key of the nodes, and of the edges.
    fn key_types(&self) -> (BTreeMap<String, KeyType>, BTreeMap<String, KeyType>) {
        (
            key_types(self.nodes.iter().flat_map(|n| n.data.iter())),
            key_types(self.edges.iter().flat_map(|e| e.data.iter())),
        )
    }
}

/// An XML document: the declaration, then what `body` writes, as text.
fn xml_document(body: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| body(&mut w))
        .map_err(xml_error)?;
    String::from_utf8(w.into_inner()).map_err(|e| xml_error(io::Error::other(e)))
}

fn xml_error(e: io::Error) -> Error {
    Error::Export {
        what: "graph file",
        detail: e.to_string(),
    }
}

/// The project as GraphML: directed, with `kind` and `name` on every
/// node, `x` and `y` where the map stored a position, and `kind` on every
/// edge (`needs`, `meets`, `uses`, `member`, a relationship's kind...).
pub fn graphml(project: &Project, positions: &[NodePosition]) -> Result<String> {
    let net = network(project, positions);
    let (node_types, edge_types) = net.key_types();
    xml_document(|w| {
        w.create_element("graphml")
            .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
            .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
            .with_attribute((
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns \
                 http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ))
            .write_inner_content(|w| {
                let key = |w: &mut Writer<Vec<u8>>, id: &str, on: &str, name: &str, ty: &str| {
                    w.create_element("key")
                        .with_attribute(("id", id))
                        .with_attribute(("for", on))
                        .with_attribute(("attr.name", name))
                        .with_attribute(("attr.type", ty))
                        .write_empty()
                        .map(|_| ())
                };
                key(w, "n_kind", "node", "kind", "string")?;
                key(w, "n_name", "node", "name", "string")?;
                key(w, "n_x", "node", "x", "double")?;
                key(w, "n_y", "node", "y", "double")?;
                for (k, t) in &node_types {
                    key(w, &format!("n_{k}"), "node", k, type_name(*t))?;
                }
                key(w, "e_kind", "edge", "kind", "string")?;
                for (k, t) in &edge_types {
                    key(w, &format!("e_{k}"), "edge", k, type_name(*t))?;
                }
                let data = |w: &mut Writer<Vec<u8>>, key: &str, value: &str| {
                    w.create_element("data")
                        .with_attribute(("key", key))
                        .write_text_content(BytesText::new(value))
                        .map(|_| ())
                };
                w.create_element("graph")
                    .with_attribute(("id", "persona-atlas"))
                    .with_attribute(("edgedefault", "directed"))
                    .write_inner_content(|w| {
                        for n in &net.nodes {
                            w.create_element("node")
                                .with_attribute(("id", n.id.as_str()))
                                .write_inner_content(|w| {
                                    data(w, "n_kind", n.kind)?;
                                    data(w, "n_name", &n.label)?;
                                    if let Some((x, y)) = n.position {
                                        data(w, "n_x", &x.to_string())?;
                                        data(w, "n_y", &y.to_string())?;
                                    }
                                    for (k, v) in &n.data {
                                        data(w, &format!("n_{k}"), &v.text())?;
                                    }
                                    Ok(())
                                })?;
                        }
                        for (i, e) in net.edges.iter().enumerate() {
                            w.create_element("edge")
                                .with_attribute(("id", format!("e{i}").as_str()))
                                .with_attribute(("source", e.source.as_str()))
                                .with_attribute(("target", e.target.as_str()))
                                .write_inner_content(|w| {
                                    data(w, "e_kind", &e.kind)?;
                                    for (k, v) in &e.data {
                                        data(w, &format!("e_{k}"), &v.text())?;
                                    }
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// The project as GEXF 1.3: labels, `kind` and fields as attributes,
/// `viz:position` where the map stored one, each edge's number as its
/// weight (importance, score or a relationship's weight; 1 otherwise).
pub fn gexf(
    project: &Project,
    positions: &[NodePosition],
    today: crate::model::Date,
) -> Result<String> {
    let net = network(project, positions);
    let (node_types, edge_types) = net.key_types();
    xml_document(|w| {
        w.create_element("gexf")
            .with_attribute(("xmlns", "http://gexf.net/1.3"))
            .with_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"))
            .with_attribute(("version", "1.3"))
            .write_inner_content(|w| {
                w.create_element("meta")
                    .with_attribute(("lastmodifieddate", today.to_string().as_str()))
                    .write_inner_content(|w| {
                        w.create_element("creator")
                            .write_text_content(BytesText::new("Persona Atlas"))?;
                        w.create_element("description")
                            .write_text_content(BytesText::new(&project.project.name))?;
                        Ok(())
                    })?;
                w.create_element("graph")
                    .with_attribute(("defaultedgetype", "directed"))
                    .with_attribute(("mode", "static"))
                    .write_inner_content(|w| {
                        let declare = |w: &mut Writer<Vec<u8>>,
                                       class: &str,
                                       types: &BTreeMap<String, KeyType>|
                         -> io::Result<()> {
                            w.create_element("attributes")
                                .with_attribute(("class", class))
                                .write_inner_content(|w| {
                                    w.create_element("attribute")
                                        .with_attribute(("id", "kind"))
                                        .with_attribute(("title", "kind"))
                                        .with_attribute(("type", "string"))
                                        .write_empty()?;
                                    for (k, t) in types {
                                        w.create_element("attribute")
                                            .with_attribute(("id", k.as_str()))
                                            .with_attribute(("title", k.as_str()))
                                            .with_attribute(("type", type_name(*t)))
                                            .write_empty()?;
                                    }
                                    Ok(())
                                })?;
                            Ok(())
                        };
                        declare(w, "node", &node_types)?;
                        declare(w, "edge", &edge_types)?;
                        let values = |w: &mut Writer<Vec<u8>>,
                                      kind: &str,
                                      data: &[(String, Val)]|
                         -> io::Result<()> {
                            w.create_element("attvalues").write_inner_content(|w| {
                                w.create_element("attvalue")
                                    .with_attribute(("for", "kind"))
                                    .with_attribute(("value", kind))
                                    .write_empty()?;
                                for (k, v) in data {
                                    w.create_element("attvalue")
                                        .with_attribute(("for", k.as_str()))
                                        .with_attribute(("value", v.text().as_str()))
                                        .write_empty()?;
                                }
                                Ok(())
                            })?;
                            Ok(())
                        };
                        w.create_element("nodes").write_inner_content(|w| {
                            for n in &net.nodes {
                                w.create_element("node")
                                    .with_attribute(("id", n.id.as_str()))
                                    .with_attribute(("label", n.label.as_str()))
                                    .write_inner_content(|w| {
                                        values(w, n.kind, &n.data)?;
                                        if let Some((x, y)) = n.position {
                                            w.create_element("viz:position")
                                                .with_attribute(("x", x.to_string().as_str()))
                                                .with_attribute(("y", y.to_string().as_str()))
                                                .with_attribute(("z", "0"))
                                                .write_empty()?;
                                        }
                                        Ok(())
                                    })?;
                            }
                            Ok(())
                        })?;
                        w.create_element("edges").write_inner_content(|w| {
                            for (i, e) in net.edges.iter().enumerate() {
                                let weight = e
                                    .data
                                    .iter()
                                    .find_map(|(k, v)| match (k.as_str(), v) {
                                        ("importance" | "score" | "weight", Val::Number(n)) => {
                                            Some(*n)
                                        }
                                        _ => None,
                                    })
                                    .unwrap_or(1.0);
                                w.create_element("edge")
                                    .with_attribute(("id", i.to_string().as_str()))
                                    .with_attribute(("source", e.source.as_str()))
                                    .with_attribute(("target", e.target.as_str()))
                                    .with_attribute(("label", e.kind.as_str()))
                                    .with_attribute(("weight", weight.to_string().as_str()))
                                    .write_inner_content(|w| values(w, &e.kind, &e.data))?;
                            }
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}
