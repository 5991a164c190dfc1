//! The veto rule's reference, written apart from the code: exact fractions compared by cross-multiplying in
//! `u128`, so that "at least two-thirds of the members of the Panel" (PRSRA 2011 Sch 8 para 4(4)) is read as the
//! statute writes it, not as the core's integer formula (`3 × for ≥ 2 × members`).

/// A non-negative fraction in lowest terms, compared exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub num: u128,
    pub den: u128,
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

impl Ratio {
    pub fn new(num: u128, den: u128) -> Self {
        let g = gcd(num, den).max(1);
        Self {
            num: num / g,
            den: den / g,
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some((self.num * other.den).cmp(&(other.num * self.den)))
    }
}

/// "At least two-thirds of the members vote in favour", as a fraction of the Panel.
pub fn reference_vetoed(votes: u32, members: u32) -> bool {
    members > 0 && Ratio::new(u128::from(votes), u128::from(members)) >= Ratio::new(2, 3)
}
