# Builds and installs the gongwen command: make install PREFIX=$$HOME/.local
# The binary carries its lexicon, so nothing else is copied beside it; shell completions go
# where bash, zsh and fish look for them under PREFIX.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share
BINARY = .build/release/gongwen

.PHONY: build install uninstall

build:
	swift build -c release --product gongwen

install: build
	install -d $(BINDIR) $(SHAREDIR)/bash-completion/completions $(SHAREDIR)/zsh/site-functions $(SHAREDIR)/fish/vendor_completions.d
	install -m 755 $(BINARY) $(BINDIR)/gongwen
	$(BINARY) --generate-completion-script bash > $(SHAREDIR)/bash-completion/completions/gongwen
	$(BINARY) --generate-completion-script zsh > $(SHAREDIR)/zsh/site-functions/_gongwen
	$(BINARY) --generate-completion-script fish > $(SHAREDIR)/fish/vendor_completions.d/gongwen.fish

uninstall:
	rm -f $(BINDIR)/gongwen $(SHAREDIR)/bash-completion/completions/gongwen $(SHAREDIR)/zsh/site-functions/_gongwen $(SHAREDIR)/fish/vendor_completions.d/gongwen.fish
