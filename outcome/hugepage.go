package outcome

// hugePage is the size of a transparent huge page where base pages are
// 4 KiB (amd64, most arm64).
const hugePage = 2 << 20

// largeSize is the size from which an array is worth backing with huge
// pages.
const largeSize = 4 << 20
