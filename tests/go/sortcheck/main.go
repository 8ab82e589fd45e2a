// sortcheck sorts cases read from stdin with Go's own sort.Slice and prints, for each, the input
// positions in the order sort.Slice left them. meshctl's test (tests/testsuite/go_sort.rs) runs
// its port of sort.Slice on the same cases and requires the same answers.
//
// Input, one case a line: a comparator name, the element count, then the keys.
//
//	int N k1 ... kN     keys are decimal int64s; less(a, b) = a < b
//	route N s1 ... sN   keys are hex-encoded byte strings, each after an "x" so an empty one is
//	                    still a field; less(a, b) = both are Go integers (strconv.Atoi) and a < b
//	tangle N k1 ... kN  keys are decimal int64s; less(a, b) = a != b and a fixed hash of the pair
//	                    says so: a comparator that is no order at all
//	noisy N k1 ... kN   keys are decimal int64s; less(a, b) = a < b, but reversed for a fixed
//	                    eighth of the pairs of distinct keys: an order with mistakes
//
// Output, one line a case: the N input positions, space separated, in sorted order.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type elem struct {
	pos int
	num int64
	str string
}

func tangled(a, b int64) bool {
	if a == b {
		return false
	}
	return mix(a, b)>>61 < 3
}

// mix hashes an ordered pair of keys; tangled and noisy read its top three bits.
func mix(a, b int64) uint64 {
	return uint64(a)*0x9E3779B97F4A7C15 ^ uint64(b)*0xBF58476D1CE4E5B9
}

func noisy(a, b int64) bool {
	if a == b {
		return false
	}
	if mix(a, b)>>61 == 0 {
		return b < a
	}
	return a < b
}

func fail(line int, format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "sortcheck: line %d: %s\n", line, fmt.Sprintf(format, args...))
	os.Exit(2)
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()

	for line := 1; ; line++ {
		text, err := in.ReadString('\n')
		if text == "" && err != nil {
			break
		}
		fields := strings.Fields(text)
		if len(fields) < 2 {
			fail(line, "want a comparator and a count")
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil || n != len(fields)-2 {
			fail(line, "count %q does not match %d keys", fields[1], len(fields)-2)
		}
		elems := make([]elem, n)
		for i, field := range fields[2:] {
			elems[i].pos = i
			switch fields[0] {
			case "int", "tangle", "noisy":
				elems[i].num, err = strconv.ParseInt(field, 10, 64)
			case "route":
				var raw []byte
				if !strings.HasPrefix(field, "x") {
					fail(line, "route key %q lacks its x", field)
				}
				raw, err = hex.DecodeString(field[1:])
				elems[i].str = string(raw)
			default:
				fail(line, "unknown comparator %q", fields[0])
			}
			if err != nil {
				fail(line, "key %q: %v", field, err)
			}
		}

		switch fields[0] {
		case "int":
			sort.Slice(elems, func(i, j int) bool { return elems[i].num < elems[j].num })
		case "tangle":
			sort.Slice(elems, func(i, j int) bool { return tangled(elems[i].num, elems[j].num) })
		case "noisy":
			sort.Slice(elems, func(i, j int) bool { return noisy(elems[i].num, elems[j].num) })
		case "route":
			sort.Slice(elems, func(i, j int) bool {
				a, errA := strconv.Atoi(elems[i].str)
				b, errB := strconv.Atoi(elems[j].str)
				return errA == nil && errB == nil && a < b
			})
		}

		for i, e := range elems {
			if i > 0 {
				out.WriteByte(' ')
			}
			out.WriteString(strconv.Itoa(e.pos))
		}
		out.WriteByte('\n')
	}
}
