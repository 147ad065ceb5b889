package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/recoupe/recoupe/internal/brief"
	"github.com/recoupe/recoupe/news"
)

func runStories(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("stories", e, "")
	var c common
	c.register(fs, e, "md|json|jsonl")
	var q news.StoryQuery
	fs.StringVar(&q.Text, "q", "", "full-text search")
	fs.StringVar(&q.Language, "lang", "", "keep stories with an article in this language")
	fs.StringVar(&q.Outlet, "outlet", "", "keep stories with an article from this outlet")
	fs.StringVar(&q.Entity, "entity", "", "keep stories that mention this entity (its name's words, in any order)")
	var from, to string
	fs.StringVar(&from, "from", "", "keep stories dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&to, "to", "", "keep stories dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.IntVar(&q.Limit, "limit", 50, "page size")
	fs.IntVar(&q.Offset, "offset", 0, "stories to skip")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: stories takes no argument (got %q; to search, use -q)", errUsage, fs.Args())
	}
	if err := c.checkFormat("md|json|jsonl"); err != nil {
		return err
	}
	if q.Limit < 1 || q.Offset < 0 {
		return fmt.Errorf("%w: -limit must be at least 1 and -offset at least 0 (got %d, %d)", errUsage, q.Limit, q.Offset)
	}
	if err := q.SetDates(from, to); err != nil {
		return fmt.Errorf("%w: -%v", errUsage, err)
	}
	if err := q.SetLanguage(q.Language); err != nil {
		return fmt.Errorf("%w: -%v", errUsage, err)
	}
	eng, err := c.openExisting(ctx, e)
	if err != nil {
		return err
	}
	defer eng.Close()
	list, total, err := eng.Stories(ctx, q)
	if err != nil {
		return err
	}
	switch c.format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if list == nil {
			list = []news.StorySummary{}
		}
		return enc.Encode(struct {
			Total   int                 `json:"total"`
			Stories []news.StorySummary `json:"stories"`
		}{total, list})
	case "jsonl":
		enc := json.NewEncoder(e.stdout)
		for _, s := range list {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
		// JSON Lines has no room for the total: a short page says so
		// on standard error, so a pipe does not take it for all.
		if q.Offset+len(list) < total {
			fmt.Fprintf(e.stderr, "recoupe: stories %d–%d of %d; use -limit and -offset for more\n", q.Offset+1, q.Offset+len(list), total)
		}
		return nil
	}
	fmt.Fprintf(e.stdout, "| story | headline | sources | independent | languages | dates | conflicts |\n|---|---|---|---|---|---|---|\n")
	for _, s := range list {
		dates := s.First.String()
		if s.Last.String() != dates {
			dates += " – " + s.Last.String()
		}
		fmt.Fprintf(e.stdout, "| %s | %s | %d | %d | %s | %s | %d |\n", s.ID, brief.MarkdownText(s.Title),
			s.Sources, s.Independent, strings.Join(s.Languages, ", "), dates, s.Conflicts)
	}
	_, err = fmt.Fprintf(e.stdout, "\n%d of %d stories\n", len(list), total)
	return err
}
