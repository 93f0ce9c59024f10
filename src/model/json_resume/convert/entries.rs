//! One conversion per entry type, JSON Resume → model beside model →
//! JSON Resume, so that a field added to a type is added to both at once.
//! Dates go through the importer, which keeps their place in the file and
//! bridges the conventions the two formats differ on (see the module head
//! of `convert`). The bodies look alike because the two sides mirror each
//! other field for field (serde cannot flatten and deny unknown fields at
//! once, so the JSON types are their own); no shared function can copy
//! between distinct structs.

use super::{
    Convert, Importer, export_all, export_highlights, export_keywords, export_range,
    import_keywords, text,
};
use crate::diag::Diagnostic;
use crate::model::json_resume::types::*;
use crate::model::*;

impl Convert for Profile {
    type Json = JProfile;
    fn import(j: JProfile, _: &str, _: &mut Importer) -> Result<Self, Diagnostic> {
        Ok(Profile { network: j.network, username: j.username, url: j.url, tags: j.tags })
    }
    fn export(&self) -> JProfile {
        JProfile {
            network: self.network.clone(),
            username: self.username.clone(),
            url: self.url.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Work {
    type Json = JWork;
    fn import(j: JWork, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        let (start_date, end_date) = im.range(base, &j.start_date, &j.end_date)?;
        Ok(Work {
            highlights: im.highlights(base, &j.highlights, &j.vita_highlights),
            name: j.name,
            position: j.position,
            url: j.url,
            location: j.location,
            start_date,
            end_date,
            summary: j.summary,
            tags: j.tags,
        })
    }
    fn export(&self) -> JWork {
        let (start_date, end_date) = export_range(&self.start_date, &self.end_date);
        let (highlights, vita_highlights) = export_highlights(&self.highlights);
        JWork {
            name: self.name.clone(),
            position: self.position.clone(),
            url: self.url.clone(),
            location: self.location.clone(),
            start_date,
            end_date,
            summary: self.summary.clone(),
            highlights,
            vita_highlights,
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Volunteer {
    type Json = JVolunteer;
    fn import(j: JVolunteer, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        let (start_date, end_date) = im.range(base, &j.start_date, &j.end_date)?;
        Ok(Volunteer {
            highlights: im.highlights(base, &j.highlights, &j.vita_highlights),
            organization: j.organization,
            position: j.position,
            url: j.url,
            location: j.location,
            start_date,
            end_date,
            summary: j.summary,
            tags: j.tags,
        })
    }
    fn export(&self) -> JVolunteer {
        let (start_date, end_date) = export_range(&self.start_date, &self.end_date);
        let (highlights, vita_highlights) = export_highlights(&self.highlights);
        JVolunteer {
            organization: self.organization.clone(),
            position: self.position.clone(),
            url: self.url.clone(),
            location: self.location.clone(),
            start_date,
            end_date,
            summary: self.summary.clone(),
            highlights,
            vita_highlights,
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Education {
    type Json = JEducation;
    fn import(j: JEducation, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        let (start_date, end_date) = im.range(base, &j.start_date, &j.end_date)?;
        Ok(Education {
            institution: j.institution,
            url: j.url,
            area: j.area,
            study_type: j.study_type,
            location: j.location,
            start_date,
            end_date,
            score: j.score,
            summary: j.summary,
            courses: j.courses,
            tags: j.tags,
        })
    }
    fn export(&self) -> JEducation {
        let (start_date, end_date) = export_range(&self.start_date, &self.end_date);
        JEducation {
            institution: self.institution.clone(),
            url: self.url.clone(),
            area: self.area.clone(),
            study_type: self.study_type.clone(),
            location: self.location.clone(),
            start_date,
            end_date,
            score: self.score.clone(),
            summary: self.summary.clone(),
            courses: self.courses.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Award {
    type Json = JAward;
    fn import(j: JAward, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        Ok(Award {
            date: im.date(&format!("{base}.date"), &j.date)?,
            title: j.title,
            awarder: j.awarder,
            summary: j.summary,
            tags: j.tags,
        })
    }
    fn export(&self) -> JAward {
        JAward {
            title: self.title.clone(),
            date: text(&self.date),
            awarder: self.awarder.clone(),
            summary: self.summary.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Certificate {
    type Json = JCertificate;
    fn import(j: JCertificate, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        Ok(Certificate {
            date: im.date(&format!("{base}.date"), &j.date)?,
            name: j.name,
            issuer: j.issuer,
            url: j.url,
            tags: j.tags,
        })
    }
    fn export(&self) -> JCertificate {
        JCertificate {
            name: self.name.clone(),
            date: text(&self.date),
            url: self.url.clone(),
            issuer: self.issuer.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Publication {
    type Json = JPublication;
    fn import(j: JPublication, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        Ok(Publication {
            release_date: im.date(&format!("{base}.releaseDate"), &j.release_date)?,
            name: j.name,
            publisher: j.publisher,
            url: j.url,
            summary: j.summary,
            tags: j.tags,
        })
    }
    fn export(&self) -> JPublication {
        JPublication {
            name: self.name.clone(),
            publisher: self.publisher.clone(),
            release_date: text(&self.release_date),
            url: self.url.clone(),
            summary: self.summary.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Skill {
    type Json = JSkill;
    fn import(j: JSkill, _: &str, _: &mut Importer) -> Result<Self, Diagnostic> {
        let keywords = import_keywords(j.keywords, j.vita_keywords);
        Ok(Skill { name: j.name, level: j.level, keywords, tags: j.tags })
    }
    fn export(&self) -> JSkill {
        let (keywords, vita_keywords) = export_keywords(&self.keywords);
        JSkill {
            name: self.name.clone(),
            level: self.level.clone(),
            keywords,
            vita_keywords,
            tags: self.tags.clone(),
        }
    }
}

impl Convert for Language {
    type Json = JLanguage;
    fn import(j: JLanguage, _: &str, _: &mut Importer) -> Result<Self, Diagnostic> {
        Ok(Language { language: j.language, fluency: j.fluency })
    }
    fn export(&self) -> JLanguage {
        JLanguage { language: self.language.clone(), fluency: self.fluency.clone() }
    }
}

impl Convert for Interest {
    type Json = JInterest;
    fn import(j: JInterest, _: &str, _: &mut Importer) -> Result<Self, Diagnostic> {
        Ok(Interest { name: j.name, keywords: j.keywords })
    }
    fn export(&self) -> JInterest {
        JInterest { name: self.name.clone(), keywords: self.keywords.clone() }
    }
}

impl Convert for Reference {
    type Json = JReference;
    fn import(j: JReference, _: &str, _: &mut Importer) -> Result<Self, Diagnostic> {
        Ok(Reference { name: j.name, reference: j.reference })
    }
    fn export(&self) -> JReference {
        JReference { name: self.name.clone(), reference: self.reference.clone() }
    }
}

impl Convert for Project {
    type Json = JProject;
    fn import(j: JProject, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        let (start_date, end_date) = im.range(base, &j.start_date, &j.end_date)?;
        Ok(Project {
            highlights: im.highlights(base, &j.highlights, &j.vita_highlights),
            name: j.name,
            description: j.description,
            url: j.url,
            entity: j.entity,
            kind: j.kind,
            start_date,
            end_date,
            roles: j.roles,
            keywords: import_keywords(j.keywords, j.vita_keywords),
            tags: j.tags,
        })
    }
    fn export(&self) -> JProject {
        let (start_date, end_date) = export_range(&self.start_date, &self.end_date);
        let (highlights, vita_highlights) = export_highlights(&self.highlights);
        let (keywords, vita_keywords) = export_keywords(&self.keywords);
        JProject {
            name: self.name.clone(),
            description: self.description.clone(),
            highlights,
            vita_highlights,
            keywords,
            vita_keywords,
            start_date,
            end_date,
            url: self.url.clone(),
            roles: self.roles.clone(),
            entity: self.entity.clone(),
            kind: self.kind.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl Convert for CustomSection {
    type Json = JCustomSection;
    fn import(j: JCustomSection, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        let entries = im.list(&format!("{base}.entries"), j.entries)?;
        Ok(CustomSection { title: j.title, entries, tags: j.tags })
    }
    fn export(&self) -> JCustomSection {
        let entries = export_all(&self.entries);
        JCustomSection { title: self.title.clone(), entries, tags: self.tags.clone() }
    }
}

impl Convert for CustomEntry {
    type Json = JCustomEntry;
    fn import(j: JCustomEntry, base: &str, im: &mut Importer) -> Result<Self, Diagnostic> {
        let (start_date, end_date) = im.range(base, &j.start_date, &j.end_date)?;
        Ok(CustomEntry {
            highlights: im.highlights(base, &j.highlights, &j.vita_highlights),
            title: j.title,
            subtitle: j.subtitle,
            location: j.location,
            url: j.url,
            start_date,
            end_date,
            summary: j.summary,
            tags: j.tags,
        })
    }
    fn export(&self) -> JCustomEntry {
        let (start_date, end_date) = export_range(&self.start_date, &self.end_date);
        let (highlights, vita_highlights) = export_highlights(&self.highlights);
        JCustomEntry {
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            location: self.location.clone(),
            url: self.url.clone(),
            start_date,
            end_date,
            summary: self.summary.clone(),
            highlights,
            vita_highlights,
            tags: self.tags.clone(),
        }
    }
}
