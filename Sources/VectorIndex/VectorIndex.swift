// Placeholder: replaced by the VectorIndex implementation.
