module github.com/taizhang/taizhang

go 1.24

require (
	github.com/google/go-cmp v0.7.0
	github.com/shopspring/decimal v1.4.0
)
