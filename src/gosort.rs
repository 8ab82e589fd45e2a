//! Placeholder until the port of Go's sort.Slice lands: insertion sort, which is what Go does
//! for up to 12 elements.

pub fn slice<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}
