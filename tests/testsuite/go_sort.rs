//! Go's own `sort.Slice` against meshctl's port of it (`meshctl::gosort`, spec §4.2). A stdlib-only
//! Go program, `tests/go/sortcheck`, is built with the machine's Go and sorts generated cases; the
//! port, set to that Go's xorshift, must leave every case in exactly the same order. Equal keys
//! and comparators that are no order at all are where an unstable sort shows its steps, so most
//! cases have them.
//!
//! 17,488 cases: 10,000 random integer inputs of sizes 0 to 200; 16 shapes (sorted, reversed,
//! sawtooth, few keys, ...) at 31 sizes up to 1000, three times each; 3,000 lists of route names
//! under the route-config comparator; 2,000 under a comparator that is no order; 1,000 sorted
//! inputs under an order with mistakes.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use meshctl::gosort::{self, Shifts};

/// Every case is drawn from this seed; a failure prints it with the case.
const SEED: u64 = 0x6d65_7368_6374_6c21;

/// Random integer keys, sizes 0 to 200.
const RANDOM_CASES: usize = 10_000;
/// Each shape in `SHAPES` at each of these sizes, `SHAPE_REPEATS` times.
const SHAPE_SIZES: &[usize] = &[
    0, 1, 2, 3, 7, 8, 11, 12, 13, 14, 20, 33, 49, 50, 51, 52, 64, 65, 100, 128, 129, 200, 256, 257,
    333, 500, 512, 513, 777, 999, 1000,
];
const SHAPE_REPEATS: usize = 3;
/// The route-config comparator over numeric and other names, sizes 0 to 1000.
const ROUTE_CASES: usize = 3_000;
/// A comparator that is no order, sizes 0 to 1000.
const TANGLE_CASES: usize = 2_000;
/// A nearly right order over sorted input with ties, sizes up to 1000.
const NOISY_CASES: usize = 1_000;
/// Sizes every route, tangle and noisy run starts with, before the random ones.
const FIXED_SIZES: &[usize] = &[0, 1, 2, 12, 13, 14, 49, 50, 51, 100, 500, 1000];

fn expected_cases() -> usize {
    RANDOM_CASES
        + SHAPES.len() * SHAPE_SIZES.len() * SHAPE_REPEATS
        + ROUTE_CASES
        + TANGLE_CASES
        + NOISY_CASES
}

#[test]
fn sort_slice_matches_go_standard_library() {
    let go = Go::find();
    let sortcheck = go.build_sortcheck();

    let cases = cases();
    assert_eq!(cases.len(), expected_cases());
    assert_eq!(cases.len(), 17_488, "the count in this module's doc");

    let answers = sortcheck.run(&cases);
    assert_eq!(answers.len(), cases.len(), "sortcheck answered every case");

    let mut mismatches = Vec::new();
    let mut other_shifts_differ = 0;
    let mut unstable = 0;
    let mut unstable_large = 0;
    for (index, (case, go_order)) in cases.iter().zip(&answers).enumerate() {
        let mut seen = go_order.clone();
        seen.sort_unstable();
        assert!(
            seen.iter().copied().eq(0..case.keys.len()),
            "sortcheck's answer to case {index} is not a permutation"
        );

        let ours = case.keys.sort(go.shifts);
        if &ours != go_order {
            mismatches.push(describe(index, case, go_order, &ours));
        }
        if case.keys.sort(go.other_shifts()) != *go_order {
            other_shifts_differ += 1;
        }
        if let Keys::Int(keys) = &case.keys {
            let mut stable: Vec<usize> = (0..keys.len()).collect();
            stable.sort_by_key(|&p| keys[p]);
            if stable != *go_order {
                unstable += 1;
                if keys.len() > 12 {
                    unstable_large += 1;
                }
            }
        }
    }

    assert!(
        mismatches.is_empty(),
        "seed {SEED:#x}: {} of {} cases sorted differently from Go {} ({:?}); the first:\n{}",
        mismatches.len(),
        cases.len(),
        go.version,
        go.shifts,
        mismatches[..mismatches.len().min(5)].join("\n")
    );
    // The test can tell the two xorshifts apart, so a port with the wrong one would fail it.
    assert!(
        other_shifts_differ > 0,
        "seed {SEED:#x}: no case tells shifts {:?} from {:?}",
        go.shifts,
        go.other_shifts()
    );
    // Go leaves equal keys out of input order, so a stable sort would fail the test too.
    assert!(
        unstable > 0 && unstable == unstable_large,
        "seed {SEED:#x}: {unstable} cases left equal keys out of input order, \
         {unstable_large} of them beyond 12 elements: expected some, all beyond 12"
    );
    eprintln!(
        "go_sort: {} cases agree with {} ({:?}); {other_shifts_differ} differ with {:?}; \
         Go left equal keys out of input order in {unstable}",
        cases.len(),
        go.version,
        go.shifts,
        go.other_shifts()
    );
}

fn describe(index: usize, case: &Case, go: &[usize], ours: &[usize]) -> String {
    let mut line = case.keys.line();
    if line.len() > 400 {
        line.truncate(400); // ASCII: route names travel hex-encoded
        line.push_str(" ...");
    }
    let first = go.iter().zip(ours).take_while(|(g, o)| g == o).count();
    format!(
        "case {index} ({}), {} elements, first difference at position {first}\n  input: {line}\n  \
         Go:    {go:?}\n  port:  {ours:?}",
        case.what,
        case.keys.len()
    )
}

/// One input to sort, with where it came from for the failure message.
struct Case {
    what: String,
    keys: Keys,
}

/// The keys and the comparator sortcheck applies to them.
enum Keys {
    /// `a < b`.
    Int(Vec<i64>),
    /// Routes' comparator (§4.2): both names are Go integers (`strconv.Atoi`) and `a < b`.
    Route(Vec<String>),
    /// `tangled(a, b)`: neither transitive nor antisymmetric.
    Tangle(Vec<i64>),
    /// `noisy(a, b)`: `a < b` with some pairs reversed.
    Noisy(Vec<i64>),
}

impl Keys {
    fn len(&self) -> usize {
        match self {
            Keys::Int(k) | Keys::Tangle(k) | Keys::Noisy(k) => k.len(),
            Keys::Route(k) => k.len(),
        }
    }

    /// The case as a line of sortcheck's input.
    fn line(&self) -> String {
        let (name, fields): (&str, Vec<String>) = match self {
            Keys::Int(k) => ("int", k.iter().map(i64::to_string).collect()),
            Keys::Tangle(k) => ("tangle", k.iter().map(i64::to_string).collect()),
            Keys::Noisy(k) => ("noisy", k.iter().map(i64::to_string).collect()),
            Keys::Route(k) => ("route", k.iter().map(|s| format!("x{}", hex(s))).collect()),
        };
        let mut line = format!("{name} {}", fields.len());
        for field in fields {
            line.push(' ');
            line.push_str(&field);
        }
        line
    }

    /// The input positions in the order the port leaves them.
    fn sort(&self, shifts: Shifts) -> Vec<usize> {
        match self {
            Keys::Int(k) => positions(k, shifts, |a, b| a < b),
            Keys::Tangle(k) => positions(k, shifts, |a, b| tangled(*a, *b)),
            Keys::Noisy(k) => positions(k, shifts, |a, b| noisy(*a, *b)),
            Keys::Route(k) => positions(k, shifts, |a, b| match (go_int(a), go_int(b)) {
                (Some(a), Some(b)) => a < b,
                _ => false,
            }),
        }
    }
}

fn positions<K>(keys: &[K], shifts: Shifts, mut less: impl FnMut(&K, &K) -> bool) -> Vec<usize> {
    let mut v: Vec<(usize, &K)> = keys.iter().enumerate().collect();
    gosort::slice_with(&mut v, shifts, |a, b| less(a.1, b.1));
    v.into_iter().map(|(p, _)| p).collect()
}

/// Go's `strconv.Atoi` on 64-bit: an optional sign, ASCII digits, in range. Rust's parse of an
/// `i64` accepts exactly that.
fn go_int(s: &str) -> Option<i64> {
    s.parse().ok()
}

/// sortcheck's `tangled`: a fixed biased coin toss per ordered pair of distinct keys.
fn tangled(a: i64, b: i64) -> bool {
    a != b && mix(a, b) >> 61 < 3
}

/// sortcheck's `noisy`: `a < b`, reversed for the pairs whose hash's top three bits are zero.
fn noisy(a: i64, b: i64) -> bool {
    if a == b {
        return false;
    }
    if mix(a, b) >> 61 == 0 {
        return b < a;
    }
    a < b
}

/// sortcheck's `mix`: a hash of an ordered pair of keys.
fn mix(a: i64, b: i64) -> u64 {
    (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (b as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9)
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// splitmix64: small, and the same stream on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform enough in `0..n` for test inputs; `n` > 0.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Integer inputs by shape: runs, reversals and few distinct keys steer pdqsort into its
/// special paths (partial insertion sort, equal partitions, pattern breaking).
type Shape = fn(usize, &mut Rng) -> Vec<i64>;

const SHAPES: &[(&str, Shape)] = &[
    ("random", |n, r| (0..n).map(|_| r.next() as i64).collect()),
    ("random below n", |n, r| {
        (0..n).map(|_| r.below(n) as i64).collect()
    }),
    ("two keys", |n, r| {
        (0..n).map(|_| r.below(2) as i64).collect()
    }),
    ("five keys", |n, r| {
        (0..n).map(|_| r.below(5) as i64).collect()
    }),
    ("all equal", |n, _| vec![7; n]),
    ("sorted", |n, _| (0..n as i64).collect()),
    ("sorted, five keys", |n, _| {
        (0..n).map(|i| (i * 5 / n) as i64).collect()
    }),
    ("reversed", |n, _| (0..n).map(|i| (n - i) as i64).collect()),
    ("reversed, four keys", |n, _| {
        (0..n).map(|i| ((n - i) * 4 / n) as i64).collect()
    }),
    ("sawtooth", |n, r| {
        let period = 2 + r.below(n / 2 + 1);
        (0..n).map(|i| (i % period) as i64).collect()
    }),
    ("reverse sawtooth", |n, r| {
        let period = 2 + r.below(n / 2 + 1);
        (0..n).map(|i| (period - i % period) as i64).collect()
    }),
    ("organ pipe", |n, _| {
        (0..n).map(|i| i.min(n - 1 - i) as i64).collect()
    }),
    ("sorted, a few swapped", |n, r| {
        let mut v: Vec<i64> = (0..n as i64).collect();
        swap_some(&mut v, r);
        v
    }),
    ("reversed, a few swapped", |n, r| {
        let mut v: Vec<i64> = (0..n as i64).rev().collect();
        swap_some(&mut v, r);
        v
    }),
    ("sorted, smallest last", |n, _| {
        (0..n).map(|i| ((i + 1) % n) as i64).collect()
    }),
    ("sorted, random tail", |n, r| {
        let sorted = n - n / 10;
        (0..n)
            .map(|i| {
                if i < sorted {
                    i as i64
                } else {
                    r.below(n) as i64
                }
            })
            .collect()
    }),
];

fn swap_some(v: &mut [i64], r: &mut Rng) {
    if v.is_empty() {
        return;
    }
    for _ in 0..1 + r.below(4) {
        let (i, j) = (r.below(v.len()), r.below(v.len()));
        v.swap(i, j);
    }
}

/// Route names: numbers as istioctl's comparator sees them, and names it does not take for one.
fn route_name(r: &mut Rng) -> String {
    const OTHER: &[&str] = &[
        "",
        "+",
        "-",
        "--1",
        "+-1",
        " 1",
        "1 ",
        "0x1f",
        "1_000",
        "1e3",
        "1.5",
        "１２",
        "٣",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999",
        "inbound|8080||",
        "outbound|9080||reviews.default.svc.cluster.local",
        "http.8080",
        "InboundPassthroughCluster",
        "BlackHoleCluster",
        "a",
        "b",
        "80a",
    ];
    const EDGE: &[&str] = &[
        "0",
        "-0",
        "+0",
        "007",
        "+5",
        "-5",
        "9223372036854775807",
        "-9223372036854775808",
        "000000000000000000000042",
        "-000000000000000000000042",
        "1234567890123456789",
    ];
    match r.below(10) {
        0..=3 => r.below(40).to_string(),
        4 => (r.next() as i64).to_string(),
        5 => format!("{}{}", if r.below(2) == 0 { "+" } else { "-" }, r.below(40)),
        6 => r.pick(EDGE).to_string(),
        _ => r.pick(OTHER).to_string(),
    }
}

/// The size of the `i`th route or tangle case: the fixed sizes first, then mostly small ones.
fn mixed_size(i: usize, r: &mut Rng) -> usize {
    if i < FIXED_SIZES.len() * 3 {
        FIXED_SIZES[i % FIXED_SIZES.len()]
    } else if r.below(10) < 7 {
        r.below(201)
    } else {
        r.below(1001)
    }
}

fn cases() -> Vec<Case> {
    let mut r = Rng(SEED);
    let mut cases = Vec::with_capacity(expected_cases());

    for _ in 0..RANDOM_CASES {
        let n = r.below(201);
        // From one key for all to all distinct: the fewer keys, the more ties to place.
        let spread = *r.pick(&[1, 2, 3, 4, 8, 16, 64, n.max(1), usize::MAX]);
        let keys: Vec<i64> = (0..n)
            .map(|_| {
                if spread == usize::MAX {
                    r.next() as i64
                } else {
                    r.below(spread) as i64
                }
            })
            .collect();
        cases.push(Case {
            what: format!("random, keys below {spread}"),
            keys: Keys::Int(keys),
        });
    }

    for &(name, shape) in SHAPES {
        for &n in SHAPE_SIZES {
            for _ in 0..SHAPE_REPEATS {
                cases.push(Case {
                    what: name.to_string(),
                    keys: Keys::Int(shape(n, &mut r)),
                });
            }
        }
    }

    for i in 0..ROUTE_CASES {
        let n = mixed_size(i, &mut r);
        // The share of numeric names, from none to all.
        let numeric = r.below(101);
        let names = (0..n)
            .map(|_| {
                if r.below(100) < numeric {
                    r.below(40).to_string()
                } else {
                    route_name(&mut r)
                }
            })
            .collect();
        cases.push(Case {
            what: format!("route names, {numeric}% small numbers"),
            keys: Keys::Route(names),
        });
    }

    for i in 0..TANGLE_CASES {
        let n = mixed_size(i, &mut r);
        let spread = *r.pick(&[2, 5, 20, 1000]);
        let keys = (0..n).map(|_| r.below(spread) as i64).collect();
        cases.push(Case {
            what: format!("tangled, keys below {spread}"),
            keys: Keys::Tangle(keys),
        });
    }

    // Sorted keys with ties under a comparator that mostly agrees: the pivots look increasing,
    // so partialInsertionSort runs after partitionEqual, and its leftward walk, bounded by index
    // 1 rather than the range's start, can carry an element out of the range.
    for i in 0..NOISY_CASES {
        let n = FIXED_SIZES
            .get(i)
            .copied()
            .unwrap_or_else(|| 200 + r.below(801));
        let spread = *r.pick(&[50, 100, 200, 400]);
        let mut keys: Vec<i64> = (0..n).map(|_| r.below(spread) as i64).collect();
        keys.sort_unstable();
        cases.push(Case {
            what: format!("noisy, sorted keys below {spread}"),
            keys: Keys::Noisy(keys),
        });
    }
    cases
}

/// The machine's Go: its version, and the xorshift its `sort` package uses.
struct Go {
    version: String,
    shifts: Shifts,
    scratch: tempfile::TempDir,
}

impl Go {
    fn find() -> Go {
        let scratch = tempfile::tempdir().expect("a temporary directory");
        let probe = Go::command(scratch.path()).arg("version").output();
        let version = match probe {
            Ok(out) if out.status.success() => {
                String::from_utf8_lossy(&out.stdout).trim().to_string()
            }
            Ok(out) => panic!(
                "`go version` failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(e) => panic!(
                "cannot run `go` ({e}): this test compares meshctl's sort with Go's own, so it \
                 needs Go on PATH; dev/test installs it (apt-get install golang-go)"
            ),
        };
        let goroot = Go::command(scratch.path())
            .args(["env", "GOROOT"])
            .output()
            .expect("go env GOROOT");
        let goroot = PathBuf::from(String::from_utf8_lossy(&goroot.stdout).trim());
        let sort_go = goroot.join("src/sort/sort.go");
        let source = std::fs::read_to_string(&sort_go).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the Go installation lacks its sources)",
                sort_go.display()
            )
        });
        let shifts = xorshift_shifts(&source)
            .unwrap_or_else(|| panic!("{}: no xorshift Next with three shifts", sort_go.display()));
        assert!(
            shifts == Shifts::GO_1_19 || shifts == Shifts::CURRENT,
            "{version}'s sort.go shifts by {shifts:?}: neither Shifts::GO_1_19 nor Shifts::CURRENT"
        );
        Go {
            version,
            shifts,
            scratch,
        }
    }

    /// The xorshift that the machine's Go does not use.
    fn other_shifts(&self) -> Shifts {
        if self.shifts == Shifts::GO_1_19 {
            Shifts::CURRENT
        } else {
            Shifts::GO_1_19
        }
    }

    /// `go` with its caches in the scratch directory and nothing fetched from the network.
    fn command(scratch: &Path) -> Command {
        let mut cmd = Command::new("go");
        cmd.env("GOCACHE", scratch.join("gocache"))
            .env("GOPATH", scratch.join("gopath"))
            .env("GO111MODULE", "off")
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "")
            .env("CGO_ENABLED", "0");
        cmd
    }

    fn build_sortcheck(&self) -> Sortcheck {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go/sortcheck/main.go");
        let binary = self.scratch.path().join("sortcheck");
        let out = Go::command(self.scratch.path())
            .arg("build")
            .arg("-o")
            .arg(&binary)
            .arg(&source)
            .output()
            .expect("go build");
        assert!(
            out.status.success(),
            "go build {} failed ({}): {}",
            source.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        Sortcheck { binary }
    }
}

/// The three shifts of `func (r *xorshift) Next()` in Go's `sort/sort.go`, in order.
fn xorshift_shifts(source: &str) -> Option<Shifts> {
    let body = source.split("func (r *xorshift) Next()").nth(1)?;
    let body = &body[..body.find("\n}")?];
    let mut shifts = body.lines().filter_map(|line| {
        let (_, rest) = line.split_once("*r ^= *r ")?;
        let (op, count) = rest.trim().split_once(' ')?;
        Some((op.to_string(), count.parse::<u32>().ok()?))
    });
    match (
        shifts.next()?,
        shifts.next()?,
        shifts.next()?,
        shifts.next(),
    ) {
        ((l1, left), (r, right), (l2, left_again), None)
            if l1 == "<<" && r == ">>" && l2 == "<<" =>
        {
            Some(Shifts {
                left,
                right,
                left_again,
            })
        }
        _ => None,
    }
}

struct Sortcheck {
    binary: PathBuf,
}

impl Sortcheck {
    /// Go's answer to every case, one permutation each.
    fn run(&self, cases: &[Case]) -> Vec<Vec<usize>> {
        let mut input = String::new();
        for case in cases {
            input.push_str(&case.keys.line());
            input.push('\n');
        }
        let mut child = Command::new(&self.binary)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run sortcheck");
        let mut stdin = child.stdin.take().unwrap();
        // Written from another thread: sortcheck answers as it reads, and would block on a full
        // stdout pipe while this side blocked on a full stdin one.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().expect("sortcheck's output");
        writer.join().unwrap().expect("write sortcheck's input");
        assert!(
            out.status.success(),
            "sortcheck failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("sortcheck writes ASCII");
        text.lines()
            .map(|line| {
                line.split_whitespace()
                    .map(|p| p.parse().expect("a position"))
                    .collect()
            })
            .collect()
    }
}
