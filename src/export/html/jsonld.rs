//! The schema.org `Person` a search engine reads from the page, as JSON-LD:
//! the name, the headline, the contact details (e-mail, telephone, web
//! addresses, place) and the work history (each job a role at an
//! organisation, with its dates), all from the description.

use crate::compose::describe::{Description, Item};
use crate::compose::markup;
use crate::theme::SectionKind;
use serde_json::{Map, Value, json};

/// The JSON-LD, safe inside a `<script>` element.
pub(super) fn person(d: &Description) -> String {
    let mut p = Map::new();
    p.insert("@context".into(), json!("https://schema.org"));
    p.insert("@type".into(), json!("Person"));
    p.insert("name".into(), json!(markup::plain(&d.name)));
    if let Some(label) = &d.label {
        p.insert("jobTitle".into(), json!(markup::plain(label)));
    }
    let mut same_as: Vec<Value> = Vec::new();
    for c in &d.contacts {
        match c.link.as_deref() {
            Some(l) if l.starts_with("mailto:") => {
                p.insert("email".into(), json!(&l["mailto:".len()..]));
            }
            Some(l) if l.starts_with("tel:") => {
                p.insert("telephone".into(), json!(c.text));
            }
            Some(l) => {
                if !p.contains_key("url") {
                    p.insert("url".into(), json!(l));
                } else {
                    same_as.push(json!(l));
                }
            }
            None => {
                p.insert(
                    "address".into(),
                    json!({"@type": "PostalAddress", "addressLocality": c.text}),
                );
            }
        }
    }
    if !same_as.is_empty() {
        p.insert("sameAs".into(), Value::Array(same_as));
    }
    let mut jobs: Vec<Value> = Vec::new();
    let mut schools: Vec<Value> = Vec::new();
    for s in &d.sections {
        for item in &s.items {
            let Item::Entry(e) = item else { continue };
            let plain = |s: &Option<String>| s.as_deref().map(markup::plain);
            let iso = |i: usize| e.moments.get(i).and_then(|m| m.iso.clone());
            match s.kind {
                SectionKind::Work => {
                    // With a position, the title is the role and the
                    // subtitle the employer; without, the title names the
                    // employer.
                    let (role_name, org) = match plain(&e.subtitle) {
                        Some(org) => (plain(&e.title), Some(org)),
                        None => (None, plain(&e.title)),
                    };
                    let Some(org) = org else { continue };
                    let mut role = Map::new();
                    role.insert("@type".into(), json!("EmployeeRole"));
                    if let Some(t) = role_name {
                        role.insert("roleName".into(), json!(t));
                    }
                    if let Some(start) = iso(0) {
                        role.insert("startDate".into(), json!(start));
                    }
                    if let Some(end) = iso(1) {
                        role.insert("endDate".into(), json!(end));
                    }
                    let mut o = json!({"@type": "Organization", "name": org});
                    if let Some(loc) = &e.location {
                        o["location"] = json!(loc);
                    }
                    role.insert("worksFor".into(), o);
                    jobs.push(Value::Object(role));
                }
                SectionKind::Education => {
                    let name = plain(&e.subtitle).or_else(|| plain(&e.title));
                    schools.push(json!({"@type": "EducationalOrganization", "name": name}));
                }
                _ => {}
            }
        }
    }
    if !jobs.is_empty() {
        p.insert("worksFor".into(), Value::Array(jobs));
    }
    if !schools.is_empty() {
        p.insert("alumniOf".into(), Value::Array(schools));
    }
    let text = serde_json::to_string_pretty(&Value::Object(p)).unwrap_or_default();
    // "</script" or "<!--" in a value must not end the element.
    text.replace('<', "\\u003c")
}
