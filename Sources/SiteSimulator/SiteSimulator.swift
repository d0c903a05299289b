// Placeholder: replaced by the SiteSimulator implementation.
