package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/recoupe/recoupe/news"
)

func runEntities(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("entities", e, "NAME...  (words of a name or alias: \"Musk\", \"Elon Musk\")")
	var c common
	c.register(fs, e, "md|json|jsonl")
	limit := fs.Int("limit", 20, "entities to list")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.checkFormat("md|json|jsonl"); err != nil {
		return err
	}
	name := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(name) == "" {
		fs.Usage()
		return fmt.Errorf("%w: entities needs a name to look for", errUsage)
	}
	if *limit < 1 {
		return fmt.Errorf("%w: -limit must be at least 1 (got %d)", errUsage, *limit)
	}
	eng, err := c.openExisting(ctx, e)
	if err != nil {
		return err
	}
	defer eng.Close()
	list, err := eng.Entities(ctx, name, *limit)
	if err != nil {
		return err
	}
	switch c.format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if list == nil {
			list = []news.StoreEntity{}
		}
		return enc.Encode(struct {
			Entities []news.StoreEntity `json:"entities"`
		}{list})
	case "jsonl":
		enc := json.NewEncoder(e.stdout)
		for _, en := range list {
			if err := enc.Encode(en); err != nil {
				return err
			}
		}
		return nil
	}
	cell := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", "\\|") }
	fmt.Fprintf(e.stdout, "| entity | type | aliases | stories | articles |\n|---|---|---|---|---|\n")
	for _, en := range list {
		var stories []string
		for _, s := range en.Stories {
			stories = append(stories, fmt.Sprintf("%s (%d)", s.ID, s.Articles))
		}
		fmt.Fprintf(e.stdout, "| %s | %s | %s | %s | %d |\n", cell(en.Name), en.Type, cell(strings.Join(en.Aliases, ", ")), strings.Join(stories, ", "), en.Articles)
	}
	_, err = fmt.Fprintf(e.stdout, "\n%d entities\n", len(list))
	return err
}
