"""Normalisation and tokens: what counts as the same word, with offsets into the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from variorum.core.normalize import fold_number, is_punctuation, normalize_text, token_key
from variorum.core.options import CompareOptions
from variorum.core.tokens import TokenSeq, Vocabulary, split_sentences, tokenize

DEFAULT = CompareOptions()


def pieces(seq: TokenSeq) -> list[str]:
    return [seq.text[s:e] for s, e in zip(seq.starts, seq.ends, strict=True)]


def test_folds_keep_length_and_offsets() -> None:
    text = "“Quote” — ‘single’ «guillemets» a\u00a0b – c"
    folded = normalize_text(text, DEFAULT)
    assert folded.original == text
    assert len(folded.text) == len(text)
    assert folded.text == '"Quote" - \'single\' "guillemets" a b - c'


def test_strict_folds_nothing() -> None:
    text = "“Quote” —\u00a0x"
    assert normalize_text(text, CompareOptions.strict()).text == text


def test_token_key_case_and_numbers() -> None:
    assert token_key("Altman", DEFAULT) == "Altman"
    assert token_key("Altman", CompareOptions(ignore_case=True)) == "altman"
    assert token_key("1,000", CompareOptions(fold_numbers=True)) == "1000"
    assert token_key("1,000", DEFAULT) == "1,000"
    assert fold_number("12,345.5") == "12345.5"
    assert is_punctuation(",") and is_punctuation("“")
    assert not is_punctuation("a") and not is_punctuation("7")


def test_quote_styles_get_one_code() -> None:
    vocab = Vocabulary()
    a = tokenize('“China has talent," Altman said.', DEFAULT, vocab)
    b = tokenize('"China has talent,” Altman said.', DEFAULT, vocab)
    assert a.codes == b.codes
    strict = Vocabulary()
    sa = tokenize("“China”", CompareOptions.strict(), strict)
    sb = tokenize('"China"', CompareOptions.strict(), strict)
    assert sa.codes != sb.codes


def test_tokens_point_into_the_original_text() -> None:
    text = "It’s 1,000 “words”\u00a0—\u00a0or so."
    seq = tokenize(text, DEFAULT, Vocabulary())
    assert pieces(seq) == ["It’s", "1,000", "“", "words", "”", "—", "or", "so", "."]
    assert seq.words(0, len(seq)) == 5


def test_whitespace_counts_only_when_not_collapsed() -> None:
    vocab = Vocabulary()
    a = tokenize("a  b", DEFAULT, vocab)
    b = tokenize("a b", DEFAULT, vocab)
    assert a.codes == b.codes
    strict = Vocabulary()
    sa = tokenize("a  b", CompareOptions.strict(), strict)
    sb = tokenize("a b", CompareOptions.strict(), strict)
    assert pieces(sa) == ["a", "  ", "b"]
    assert sa.codes != sb.codes


def test_ignore_punctuation_drops_marks_but_not_words() -> None:
    options = CompareOptions(ignore_punctuation=True)
    vocab = Vocabulary()
    a = tokenize("Well, yes.", options, vocab)
    b = tokenize("Well yes", options, vocab)
    assert pieces(a) == ["Well", "yes"]
    assert a.codes == b.codes


def test_paragraphs_are_blank_line_separated() -> None:
    seq = tokenize("One two.\n\nThree.\n\n\n\nFour", DEFAULT, Vocabulary())
    assert [pieces(seq)[lo:hi] for lo, hi in seq.paragraphs] == [
        ["One", "two", "."],
        ["Three", "."],
        ["Four"],
    ]


def test_sentences_respect_initials_and_abbreviations() -> None:
    text = (
        "The U.S. and China met. Mr. Smith said “yes.” Then 3 people left! "
        "No. 1 collaborators remain"
    )
    seq = tokenize(text, DEFAULT, Vocabulary())
    sentences = [
        text[seq.starts[lo] : seq.ends[hi - 1]] for lo, hi in split_sentences(seq, 0, len(seq))
    ]
    assert sentences == [
        "The U.S. and China met.",
        "Mr. Smith said “yes.”",
        "Then 3 people left!",
        "No. 1 collaborators remain",
    ]


def test_vocabulary_codes_are_single_private_characters() -> None:
    vocab = Vocabulary()
    codes = {vocab.code(f"w{i}") for i in range(7000)}
    assert len(codes) == 7000
    assert all(len(c) == 1 and not c.isalnum() and not c.isspace() for c in codes)
    assert vocab.code("w3") == vocab.code("w3")


def test_sentences_break_at_line_breaks_and_after_ellipses() -> None:
    for options in (DEFAULT, CompareOptions.strict()):
        text = "First line without stop\nSecond one... Still second. Third 1.5 times!"
        seq = tokenize(text, options, Vocabulary())
        sentences = [
            text[seq.starts[lo] : seq.ends[hi - 1]] for lo, hi in split_sentences(seq, 0, len(seq))
        ]
        assert sentences == [
            "First line without stop",
            "Second one...",
            "Still second.",
            "Third 1.5 times!",
        ]


def test_a_stray_quote_mark_is_not_a_sentence() -> None:
    text = "He said it was over. “Then we left. “"
    seq = tokenize(text, DEFAULT, Vocabulary())
    ranges = split_sentences(seq, 0, len(seq))
    assert [text[seq.starts[lo] : seq.ends[hi - 1]] for lo, hi in ranges] == [
        "He said it was over.",
        "“Then we left. “",
    ]


_TRICKY = st.sampled_from(
    [
        "a",
        "Z",
        "é",
        "_",
        "1",
        "9",
        "٣",
        ",",
        ".",
        "'",
        "’",
        " ",
        "\n",
        "\u00a0",
        "-",
        "x1",
        "1,000",
        "3.5",
        "ß",
        "中",
        "don't",
        "1,00",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TRICKY, max_size=30).map("".join))
def test_collapsed_and_strict_tokenizing_find_the_same_tokens(text: str) -> None:
    """The whitespace-collapsing tokenizer (a faster regex: letter-first, possessive) must cut
    exactly the tokens the strict one finds, whitespace aside."""
    vocab = Vocabulary()
    collapsed = tokenize(text, CompareOptions(), vocab)
    strict = tokenize(text, CompareOptions.strict(), vocab)
    solid = [i for i in range(len(strict)) if not text[strict.starts[i]].isspace()]
    assert collapsed.starts == [strict.starts[i] for i in solid]
    assert collapsed.ends == [strict.ends[i] for i in solid]


def test_codes_follow_first_occurrence_so_every_process_agrees() -> None:
    """Codes are given in order of first occurrence, not in a set's order (which follows the
    per-process string hash): code order matters where codes are sorted, so the same two texts
    must give the same codes, and the same comparison, in every run."""
    words = [f"word{n}" for n in range(40)]
    text = " ".join(words + list(reversed(words)))
    seq = tokenize(text, DEFAULT, Vocabulary())
    first = [ord(c) - 0xE000 for c in seq.codes[:40]]
    assert first == list(range(40))
    assert seq.codes[40:] == seq.codes[:40][::-1]


def test_ignore_case_folds_the_dotted_capital_i() -> None:
    from variorum.core.diff import compare_texts
    from variorum.core.options import CompareOptions

    result = compare_texts(
        "The talks in İstanbul ended.",
        "The talks in istanbul ended.",
        CompareOptions(ignore_case=True),
    )
    assert result.changes == ()
