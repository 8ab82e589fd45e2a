// kubectl runs this binary to complete `kubectl meshctl ...`. It is meshctl itself: the entry
// point sees its name and answers in kubectl's completion protocol.
include!("../main.rs");
