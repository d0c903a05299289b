// Identity vectors: one per person, one per object class, one per object instance. A segment's
// embedding is its identity plus Gaussian noise scaled so that the expected cosine to the
// identity is a chosen value c: for a unit identity and noise N(0, σ²I) in D dimensions,
// |noise|² ≈ Dσ², so cos ≈ 1/√(1 + Dσ²) and σ = √((1/c² − 1)/D).

struct IdentityTable: Sendable {
    let dimension: Int
    /// Row-major unit vectors.
    private(set) var rows: [Float] = []

    init(dimension: Int) {
        self.dimension = dimension
    }

    var count: Int { rows.count / dimension }

    /// Appends a random unit vector and returns its row.
    mutating func addRandom(_ random: inout Xoshiro256) -> Int {
        var v = [Double](repeating: 0, count: dimension)
        for i in 0..<dimension { v[i] = random.normal() }
        return append(v)
    }

    /// Appends a vector at cosine ≈ `cosine` to row `base` (look-alikes, object instances).
    mutating func addNear(_ base: Int, cosine: Double, _ random: inout Xoshiro256) -> Int {
        var v = [Double](repeating: 0, count: dimension)
        fillNoisy(&v, around: base, cosine: cosine, random: &random)
        return append(v)
    }

    /// Writes into `out` a unit vector at cosine ≈ `cosine` to row `row` (or a random unit
    /// vector if `row` < 0).
    func fillNoisy(_ out: inout [Double], around row: Int, cosine: Double, random: inout Xoshiro256) {
        let d = dimension
        if row < 0 {
            for i in 0..<d { out[i] = random.normal() }
        } else {
            let c = min(max(cosine, 0.05), 0.9999)
            let sigma = ((1 / (c * c) - 1) / Double(d)).squareRoot()
            let base = row * d
            for i in 0..<d { out[i] = Double(rows[base + i]) + sigma * random.normal() }
        }
        normalize(&out)
    }

    func cosine(_ a: Int, _ b: Int) -> Double {
        var dot = 0.0
        for i in 0..<dimension { dot += Double(rows[a * dimension + i]) * Double(rows[b * dimension + i]) }
        return dot
    }

    private mutating func append(_ v: [Double]) -> Int {
        var v = v
        normalize(&v)
        let row = count
        rows.reserveCapacity(rows.count + dimension)
        for x in v { rows.append(Float(x)) }
        return row
    }
}

func normalize(_ v: inout [Double]) {
    var sum = 0.0
    for x in v { sum += x * x }
    let scale = sum > 0 ? 1 / sum.squareRoot() : 0
    for i in v.indices { v[i] *= scale }
}
