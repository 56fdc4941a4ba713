// The tests' data, the same in every process (the jest process, a client process to be killed).
const X = Array.from({ length: 60 }, (_, i) => [i % 3, (i * 7) % 5, ((i * 3) % 7) / 7, i / 60]);
const yc = X.map((_, i) => ['a', 'b', 'c'][i % 3]);
const yr = X.map((r, i) => r[0] * 2 + r[1] - (i % 4));
module.exports = { X, yc, yr };
