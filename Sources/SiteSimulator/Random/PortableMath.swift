// exp, log, sin and cos from +, −, ×, ÷ only. The platform libm (glibc, Apple's libm, musl)
// may differ in the last bit, and one differing bit can flip a printed digit; IEEE basic
// arithmetic is exact-rounded everywhere, so these make the output identical across platforms.
// Accuracy is ~1e-15 relative over the ranges used here, which is far more than needed.

private let ln2Hi = 6.93147180369123816490e-01  // ln 2 split so n·ln2Hi is exact
private let ln2Lo = 1.90821492927058770002e-10
private let halfPi = 1.57079632679489661923
private let twoPi = 6.28318530717958647692

/// e^x for |x| < 700.
func portableExp(_ x: Double) -> Double {
    let n = (x / 0.69314718055994530942).rounded()
    let r = (x - n * ln2Hi) - n * ln2Lo  // |r| ≤ ln2/2
    var term = 1.0, sum = 1.0
    for k in 1...14 {
        term = term * r / Double(k)
        sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(n), significand: 1)
}

/// Natural log for finite x > 0.
func portableLog(_ x: Double) -> Double {
    precondition(x > 0 && x.isFinite, "portableLog needs a positive finite argument")
    var m = x.significand  // [1, 2)
    var e = Double(x.exponent)
    if m > 1.41421356237309504880 {
        m /= 2
        e += 1
    }
    // log m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.172.
    let s = (m - 1) / (m + 1), s2 = s * s
    var power = s, sum = 0.0
    for k in stride(from: 1, through: 27, by: 2) {
        sum += power / Double(k)
        power *= s2
    }
    return e * ln2Hi + (e * ln2Lo + 2 * sum)
}

/// sin x for |x| < 1e6.
func portableSin(_ x: Double) -> Double {
    let turns = (x / twoPi).rounded()
    let r = x - turns * twoPi  // [−π, π]
    let quadrant = Int((r / halfPi).rounded())  // −2...2
    let y = r - Double(quadrant) * halfPi  // [−π/4, π/4]
    switch quadrant & 3 {
    case 0: return sinKernel(y)
    case 1: return cosKernel(y)
    case 2: return -sinKernel(y)
    default: return -cosKernel(y)
    }
}

func portableCos(_ x: Double) -> Double {
    portableSin(x + halfPi)
}

private func sinKernel(_ y: Double) -> Double {
    let y2 = y * y
    var term = y, sum = y
    for k in stride(from: 2, through: 18, by: 2) {
        term = -term * y2 / Double(k * (k + 1))
        sum += term
    }
    return sum
}

private func cosKernel(_ y: Double) -> Double {
    let y2 = y * y
    var term = 1.0, sum = 1.0
    for k in stride(from: 1, through: 17, by: 2) {
        term = -term * y2 / Double(k * (k + 1))
        sum += term
    }
    return sum
}
