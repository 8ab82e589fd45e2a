//! Go's `sort.Slice`, ported step for step so that every table comes out in istioctl's order.
//!
//! `sort.Slice` is pattern-defeating quicksort (`pdqsort_func` in Go's `sort/zsortfunc.go`): an
//! insertion sort up to 12 elements, unstable beyond. Equal elements, and comparators that are
//! not strict weak orders, end up wherever Go's exact sequence of comparisons and swaps leaves
//! them, so this module makes the same calls in the same order on the same indices. Go's
//! `less(i, j)` looks at the slice as it is at that moment (the swapper moves elements in place),
//! which is what `less(&v[i], &v[j])` here does too.
//!
//! Go indices are `int`; here they are `usize`: whatever the comparator answers, every index the
//! algorithm forms stays within the slice, so no Go step needs a negative value.

/// The three shifts of the xorshift generator with which `breakPatterns` scatters elements after
/// an unbalanced partition: `r ^= r << left; r ^= r >> right; r ^= r << left_again`. The only
/// part of `sort.Slice` that differs between the Go versions that matter here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shifts {
    pub left: u32,
    pub right: u32,
    pub left_again: u32,
}

impl Shifts {
    /// The Go that builds istioctl (and that meshctl matches).
    pub const CURRENT: Shifts = Shifts {
        left: 13,
        right: 7,
        left_again: 17,
    };
    /// Go 1.19, Debian's `golang-go`: what the tests compare against.
    pub const GO_1_19: Shifts = Shifts {
        left: 13,
        right: 17,
        left_again: 5,
    };
}

/// Sorts `v` exactly as istioctl's `sort.Slice(v, less)` does.
pub fn slice<T>(v: &mut [T], less: impl FnMut(&T, &T) -> bool) {
    slice_with(v, Shifts::CURRENT, less);
}

/// [`slice`] with the xorshift of a given Go version.
pub fn slice_with<T>(v: &mut [T], shifts: Shifts, less: impl FnMut(&T, &T) -> bool) {
    let length = v.len();
    let limit = bit_len(length);
    let mut sorter = Sorter { v, less, shifts };
    sorter.pdqsort(0, length, limit);
}

/// Go's `bits.Len`: the number of bits needed to write `n`, 0 for 0.
fn bit_len(n: usize) -> u32 {
    usize::BITS - n.leading_zeros()
}

/// Go's `nextPowerOfTwo`: `1 << bits.Len(length)`, so strictly above `length`, never equal.
fn next_power_of_two(length: usize) -> u64 {
    1u64 << bit_len(length)
}

/// Go's `xorshift`, a `uint64` seeded with the length of the range being broken up.
struct XorShift {
    state: u64,
    shifts: Shifts,
}

impl XorShift {
    fn next(&mut self) -> u64 {
        // `<<` on a u64 drops the high bits as Go's does; shift counts are all below 64.
        self.state ^= self.state << self.shifts.left;
        self.state ^= self.state >> self.shifts.right;
        self.state ^= self.state << self.shifts.left_again;
        self.state
    }
}

/// What `choosePivot` learned about the order of the range from the comparisons it made.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    Unknown,
    Increasing,
    Decreasing,
}

/// The slice with its comparator: Go's `lessSwap`.
struct Sorter<'a, T, F> {
    v: &'a mut [T],
    less: F,
    shifts: Shifts,
}

impl<T, F: FnMut(&T, &T) -> bool> Sorter<'_, T, F> {
    /// Go's `data.Less(i, j)`, on the slice as it is now.
    fn less(&mut self, i: usize, j: usize) -> bool {
        (self.less)(&self.v[i], &self.v[j])
    }

    fn swap(&mut self, i: usize, j: usize) {
        self.v.swap(i, j);
    }

    /// `insertionSort_func`: stable, so ranges of up to 12 keep equal elements in input order.
    fn insertion_sort(&mut self, a: usize, b: usize) {
        for i in a + 1..b {
            let mut j = i;
            while j > a && self.less(j, j - 1) {
                self.swap(j, j - 1);
                j -= 1;
            }
        }
    }

    /// `siftDown_func` on the heap `v[first + lo..first + hi]`.
    fn sift_down(&mut self, lo: usize, hi: usize, first: usize) {
        let mut root = lo;
        loop {
            let mut child = 2 * root + 1;
            if child >= hi {
                return;
            }
            if child + 1 < hi && self.less(first + child, first + child + 1) {
                child += 1;
            }
            if !self.less(first + root, first + child) {
                return;
            }
            self.swap(first + root, first + child);
            root = child;
        }
    }

    /// `heapSort_func`: the fallback once `limit` bad pivots have been spent.
    fn heap_sort(&mut self, a: usize, b: usize) {
        let first = a;
        let hi = b - a;
        for i in (0..=(hi - 1) / 2).rev() {
            self.sift_down(i, hi, first);
        }
        for i in (0..hi).rev() {
            self.swap(first, first + i);
            self.sift_down(0, i, first);
        }
    }

    /// `pdqsort_func`: sorts `v[a..b]`, recursing into the shorter side and looping on the longer.
    fn pdqsort(&mut self, mut a: usize, mut b: usize, mut limit: u32) {
        const MAX_INSERTION: usize = 12;

        let mut was_balanced = true;
        let mut was_partitioned = true;

        loop {
            let length = b - a;

            if length <= MAX_INSERTION {
                self.insertion_sort(a, b);
                return;
            }

            if limit == 0 {
                self.heap_sort(a, b);
                return;
            }

            // An unbalanced split last time: shuffle a few elements so the same bad pivot is not
            // picked again, and spend one of the allowed bad pivots.
            if !was_balanced {
                self.break_patterns(a, b);
                limit -= 1;
            }

            let (mut pivot, mut hint) = self.choose_pivot(a, b);
            if hint == Hint::Decreasing {
                self.reverse_range(a, b);
                // The pivot keeps its element: mirror its index.
                pivot = (b - 1) - (pivot - a);
                hint = Hint::Increasing;
            }

            if was_balanced
                && was_partitioned
                && hint == Hint::Increasing
                && self.partial_insertion_sort(a, b)
            {
                return;
            }

            // The element before the range is not less than the pivot, and nothing in the range
            // is less than it: the pivot's equals can be split off and skipped.
            if a > 0 && !self.less(a - 1, pivot) {
                a = self.partition_equal(a, b, pivot);
                continue;
            }

            let (mid, already_partitioned) = self.partition(a, b, pivot);
            was_partitioned = already_partitioned;

            let (left_len, right_len) = (mid - a, b - mid);
            let balance_threshold = length / 8;
            if left_len < right_len {
                was_balanced = left_len >= balance_threshold;
                self.pdqsort(a, mid, limit);
                a = mid + 1;
            } else {
                was_balanced = right_len >= balance_threshold;
                self.pdqsort(mid + 1, b, limit);
                b = mid;
            }
        }
    }

    /// `partition_func`: moves the pivot to `a`, then elements less than it left and the rest
    /// right; returns where the pivot lands and whether nothing had to move.
    fn partition(&mut self, a: usize, b: usize, pivot: usize) -> (usize, bool) {
        self.swap(a, pivot);
        // Both bounds inclusive; `j` never drops below `a`, as `i` starts at `a + 1`.
        let (mut i, mut j) = (a + 1, b - 1);

        while i <= j && self.less(i, a) {
            i += 1;
        }
        while i <= j && !self.less(j, a) {
            j -= 1;
        }
        if i > j {
            self.swap(j, a);
            return (j, true);
        }
        self.swap(i, j);
        i += 1;
        j -= 1;

        loop {
            while i <= j && self.less(i, a) {
                i += 1;
            }
            while i <= j && !self.less(j, a) {
                j -= 1;
            }
            if i > j {
                break;
            }
            self.swap(i, j);
            i += 1;
            j -= 1;
        }
        self.swap(j, a);
        (j, false)
    }

    /// `partitionEqual_func`: with nothing in `v[a..b]` less than the pivot, puts the elements
    /// not greater than it first; returns where the greater ones start.
    fn partition_equal(&mut self, a: usize, b: usize, pivot: usize) -> usize {
        self.swap(a, pivot);
        let (mut i, mut j) = (a + 1, b - 1);

        loop {
            while i <= j && !self.less(a, i) {
                i += 1;
            }
            while i <= j && self.less(a, j) {
                j -= 1;
            }
            if i > j {
                break;
            }
            self.swap(i, j);
            i += 1;
            j -= 1;
        }
        i
    }

    /// `partialInsertionSort_func`: fixes up to five out-of-order neighbours in a range that
    /// looks sorted; true if the range is sorted at the end.
    fn partial_insertion_sort(&mut self, a: usize, b: usize) -> bool {
        const MAX_STEPS: usize = 5;
        const SHORTEST_SHIFTING: usize = 50;

        let mut i = a + 1;
        for _ in 0..MAX_STEPS {
            while i < b && !self.less(i, i - 1) {
                i += 1;
            }

            if i == b {
                return true;
            }

            if b - a < SHORTEST_SHIFTING {
                return false;
            }

            self.swap(i, i - 1);

            // Go bounds this walk by index 1 of the whole slice, not by `a`: with a comparator
            // that is not a strict weak order it can move elements left of the range.
            if i - a >= 2 {
                let mut j = i - 1;
                while j >= 1 {
                    if !self.less(j, j - 1) {
                        break;
                    }
                    self.swap(j, j - 1);
                    j -= 1;
                }
            }
            if b - i >= 2 {
                for j in i + 1..b {
                    if !self.less(j, j - 1) {
                        break;
                    }
                    self.swap(j, j - 1);
                }
            }
        }
        false
    }

    /// `breakPatterns_func`: swaps the three elements around the middle with pseudo-random
    /// ones, the generator seeded by the range's length so the result is reproducible.
    fn break_patterns(&mut self, a: usize, b: usize) {
        let length = b - a;
        if length >= 8 {
            let mut random = XorShift {
                state: length as u64,
                shifts: self.shifts,
            };
            let modulus = next_power_of_two(length);

            let middle = a + (length / 4) * 2;
            for idx in middle - 1..=middle + 1 {
                // `modulus` is at most twice `length`, so one subtraction brings `other` in range.
                let mut other = (random.next() & (modulus - 1)) as usize;
                if other >= length {
                    other -= length;
                }
                self.swap(idx, a + other);
            }
        }
    }

    /// `choosePivot_func`: the element at a quarter, half or three quarters of the range (the
    /// median of three, or of three medians from 50 elements on), and a hint from how many of
    /// the comparisons found a pair out of order: none, increasing; all twelve, decreasing.
    fn choose_pivot(&mut self, a: usize, b: usize) -> (usize, Hint) {
        const SHORTEST_NINTHER: usize = 50;
        const MAX_SWAPS: u32 = 4 * 3;

        let l = b - a;

        let mut swaps = 0;
        let mut i = a + l / 4;
        let mut j = a + l / 4 * 2;
        let mut k = a + l / 4 * 3;

        if l >= 8 {
            if l >= SHORTEST_NINTHER {
                i = self.median_adjacent(i, &mut swaps);
                j = self.median_adjacent(j, &mut swaps);
                k = self.median_adjacent(k, &mut swaps);
            }
            j = self.median(i, j, k, &mut swaps);
        }

        match swaps {
            0 => (j, Hint::Increasing),
            MAX_SWAPS => (j, Hint::Decreasing),
            _ => (j, Hint::Unknown),
        }
    }

    /// `order2_func`: the two indices with the lesser element first, counting a reversal.
    fn order2(&mut self, a: usize, b: usize, swaps: &mut u32) -> (usize, usize) {
        if self.less(b, a) {
            *swaps += 1;
            return (b, a);
        }
        (a, b)
    }

    /// `median_func`: the index of the median of three, found without moving elements.
    fn median(&mut self, a: usize, b: usize, c: usize, swaps: &mut u32) -> usize {
        let (a, b) = self.order2(a, b, swaps);
        let (b, _) = self.order2(b, c, swaps);
        let (_, b) = self.order2(a, b, swaps);
        b
    }

    /// `medianAdjacent_func`: the median of `v[a - 1]`, `v[a]`, `v[a + 1]`.
    fn median_adjacent(&mut self, a: usize, swaps: &mut u32) -> usize {
        self.median(a - 1, a, a + 1, swaps)
    }

    /// `reverseRange_func`.
    fn reverse_range(&mut self, a: usize, b: usize) {
        let (mut i, mut j) = (a, b - 1);
        while i < j {
            self.swap(i, j);
            i += 1;
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_after(mut v: Vec<(u8, char)>) -> String {
        slice(&mut v, |a, b| a.0 < b.0);
        v.iter().map(|e| e.1).collect()
    }

    #[test]
    fn up_to_twelve_elements_is_a_stable_insertion_sort() {
        assert_eq!(keys_after(vec![]), "");
        assert_eq!(keys_after(vec![(1, 'a')]), "a");
        assert_eq!(
            keys_after(vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')]),
            "ebdac"
        );
        // Twelve equal keys, then twelve in reverse with one tie: input order kept among equals.
        let equal: Vec<(u8, char)> = "abcdefghijkl".chars().map(|c| (5, c)).collect();
        assert_eq!(keys_after(equal), "abcdefghijkl");
        let reversed: Vec<(u8, char)> = "abcdefghijkl"
            .chars()
            .enumerate()
            .map(|(i, c)| ((12 - i).min(11) as u8, c))
            .collect();
        assert_eq!(keys_after(reversed), "lkjihgfedcab");
    }

    #[test]
    fn a_comparator_that_is_no_order_gets_insertion_sort_steps() {
        // Routes' comparator: only two numbers compare, so "a" stops "3" from passing "10"
        // (i = 3: 3 < 9 swaps, then "3" against "a" is false and it stays).
        let mut names = vec!["10", "a", "9", "3"];
        slice(&mut names, |a, b| {
            match (a.parse::<i64>(), b.parse::<i64>()) {
                (Ok(a), Ok(b)) => a < b,
                _ => false,
            }
        });
        assert_eq!(names, ["10", "a", "3", "9"]);
    }

    #[test]
    fn xorshift_steps_by_each_go_versions_shifts() {
        // Seed 1: 1 ^ 1 << 13 = 8193; Go 1.19: 8193 >> 17 = 0, then 8193 ^ 8193 << 5 = 270369.
        // Current: 8193 ^ 8193 >> 7 = 8257, then 8257 ^ 8257 << 17 = 1082269761.
        let mut old = XorShift {
            state: 1,
            shifts: Shifts::GO_1_19,
        };
        assert_eq!(old.next(), 270_369);
        let mut new = XorShift {
            state: 1,
            shifts: Shifts::CURRENT,
        };
        assert_eq!(new.next(), 1_082_269_761);
    }

    #[test]
    fn bit_lengths_as_go_counts_them() {
        assert_eq!(bit_len(0), 0);
        assert_eq!(bit_len(1), 1);
        assert_eq!(bit_len(12), 4);
        assert_eq!(bit_len(16), 5);
        // Strictly above the length, even for a power of two.
        assert_eq!(next_power_of_two(13), 16);
        assert_eq!(next_power_of_two(16), 32);
    }

    #[test]
    fn longer_slices_come_out_sorted_under_a_true_order() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for n in [13, 49, 50, 51, 300] {
            for spread in [2, 10, 1000] {
                let mut v: Vec<u64> = (0..n)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1);
                        (state >> 33) % spread
                    })
                    .collect();
                let mut want = v.clone();
                want.sort_unstable();
                slice(&mut v, |a, b| a < b);
                assert_eq!(v, want, "{n} elements below {spread}");
            }
        }
    }
}
