// SegGraph engine
