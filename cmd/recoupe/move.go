package main

import (
	"context"
	"fmt"
)

func runMove(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("move", e, "ARTICLE-ID [STORY-ID]  (no story: split the article into a new story; the article ID may be shortened to a unique prefix of 6 or more characters)")
	var c common
	c.register(fs, e, "text")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		fs.Usage()
		return fmt.Errorf("%w: move needs an article ID and at most one story ID", errUsage)
	}
	eng, err := c.openExisting(ctx, e)
	if err != nil {
		return err
	}
	defer eng.Close()
	id, err := eng.ResolveArticle(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	before, err := eng.StoryOf(ctx, id)
	if err != nil {
		return err
	}
	story, err := eng.MoveArticle(ctx, id, fs.Arg(1))
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, story)
	if story == before {
		why := "already in story " + story
		if fs.Arg(1) == "" {
			why = "the only article of story " + story + ", which a split leaves as it is"
		}
		fmt.Fprintf(e.stderr, "recoupe: nothing moved: article %s is %s\n", id, why)
	}
	return nil
}
