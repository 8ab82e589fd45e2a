// kubectl runs this binary for `kubectl meshctl ...`. It is meshctl itself: the entry point sees
// its name and says `kubectl meshctl` in help and usage.
include!("../main.rs");
