package csvscan

import (
	"io"
	"runtime"
	"sync"
)

// MaxWorkers bounds the goroutines parsing a file: the one that applies the
// results in order falls behind more of them.
const MaxWorkers = 4

// InOrder parses the chunks of cr, from first on, and hands each result to
// apply in file order, until apply returns false or the chunks run out. It
// parses on every CPU (GOMAXPROCS, up to [MaxWorkers] goroutines, each
// with a parser from newParser) while apply takes the results in turn; on
// one CPU, or for one chunk, it reads, parses and applies in turn. It
// returns the error reading cr, unless apply stopped first. Only the
// parsers run concurrently; apply runs on the caller's goroutine.
func InOrder[T any](cr *Reader, first Chunk, newParser func() func(Chunk, *T), apply func(*T) bool) error {
	workers := min(runtime.GOMAXPROCS(0), MaxWorkers)
	if workers == 1 || first.Last {
		parse := newParser()
		cr.bufs = make(chan []byte, 1)
		var t T
		for c := first; ; {
			parse(c, &t)
			cr.bufs <- c.buf
			if !apply(&t) || c.Last {
				return nil
			}
			var err error
			if c, err = cr.Next(); err != nil && err != io.EOF {
				return err
			}
		}
	}
	type job struct {
		c    Chunk
		t    *T // taken in file order, so the result apply waits for is never short of one
		done chan *T
	}
	inFlight := 2 * workers
	work := make(chan job, inFlight)
	order := make(chan chan *T, inFlight)
	free := make(chan *T, inFlight+1)
	for range inFlight + 1 {
		free <- new(T)
	}
	quit := make(chan struct{})
	cr.bufs = make(chan []byte, inFlight+2)
	var readErr error
	go func() { // the reader
		defer close(work)
		defer close(order)
		c, err := first, error(nil)
		for {
			done := make(chan *T, 1)
			var t *T
			select {
			case t = <-free:
			case <-quit:
				return
			}
			select {
			case work <- job{c, t, done}:
			case <-quit:
				return
			}
			order <- done
			if c.Last {
				return
			}
			if c, err = cr.Next(); err != nil && err != io.EOF {
				readErr = err
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parse := newParser()
			for j := range work {
				parse(j.c, j.t)
				select {
				case cr.bufs <- j.c.buf:
				default:
				}
				j.done <- j.t
			}
		}()
	}
	stopped := false
	for done := range order {
		t := <-done
		if !stopped && !apply(t) {
			stopped = true
			close(quit)
		}
		free <- t
	}
	wg.Wait()
	if stopped {
		return nil
	}
	return readErr
}
