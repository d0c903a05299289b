// Placeholder: replaced by the MediaProbe implementation.
