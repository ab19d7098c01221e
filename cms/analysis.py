"""Text analysis for Ukrainian search: normalisation, lemmatisation and act-number tokens.

A leaf module: it imports nothing of the project, so the page models (at index time), the legacy
importer and the query parser (at query time) call the very same functions and the index and the
query can never drift apart.

Words are reduced to their dictionary form with pymorphy3 and its Ukrainian dictionaries
(«рішенню» → «рішення», «слухань» → «слухання»); act numbers as people write them («4-49/2018»,
«№ 312») become one token each, so that a number matches as a whole.
"""

import datetime
import functools
import re
import unicodedata

#: Queries longer than this are cut: bounded cost for any input.
MAX_QUERY_CHARS = 200
#: At most this many terms of a query are used.
MAX_QUERY_TERMS = 12

# Apostrophe look-alikes and typographic quotes that people and word processors type.
_APOSTROPHES = "\u2019\u02bc\u2018\u0060\u00b4\u02b9\u2032\uff07"
#: Every character that stands for the apostrophe inside a word («об'єкт», «обʼєкт», «об’єкт», «об`єкт»).
APOSTROPHES = "'" + _APOSTROPHES
_QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
#: Each look-alike and the character it stands for.
SUBSTITUTES = {**{c: "'" for c in _APOSTROPHES}, **{c: '"' for c in _QUOTES}, **{c: "-" for c in _DASHES}}
# A regular expression rather than ``str.translate``: in a long text the look-alikes are few, and a
# scan in C for them is ~50 times faster than translating character by character.
_LOOK_ALIKE = re.compile("[" + "".join(SUBSTITUTES) + "]")
# The characters that are not printable and common in documents: line breaks, tabs, no-break and
# other spaces, soft hyphens, zero-width marks and byte-order marks.
_COMMON_UNPRINTABLE = re.compile(
    "["
    + "".join(
        c
        for c in "\t\n\x0b\x0c\r\x85\xa0\xad\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
        + "".join(map(chr, range(0x2000, 0x2010)))
        if not c.isprintable()
    )
    + "]"
)

# A word: letters (with inner apostrophes or hyphens) or digits.
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+", re.UNICODE)
# An act number: digits with optional letters, joined by - / . (e.g. 4-49/2018, 312, 12/3-р, 01-12/45);
# a dash or slash may stand between spaces before digits, as people type it («№ 12 - 45», «45 / 12»).
_NUMBER = re.compile(r"(?<![\w/-])\d+\w*(?:[-/.]\w+|\s?[-/]\s?\d\w*)*", re.UNICODE)

#: Words too frequent to tell documents apart; dropped at index and query time alike.
STOP_WORDS = frozenset(
    """
    а аби або адже але б би бо був була були було бути в вам вас ви він вона вони воно все всі
    вже від для до є же з за и і із інший її їх й його к коли крім ли лише між мене ми мій на навіть
    над нам нас наш не неї нема ні ніж них ну о об однак окрім от по при про проте саме свій себе
    сей та так також там те тим тих то тобто той ту тут у хоч хоча це цей ці цим ця чи чого що щоб
    щодо як який яка яке які якщо
    якого якої якому яку яким якій якою яких якими цього цієї цьому цю цією цих цими того тієї тому
    """.split()
)


def printable(text: str) -> str:
    """Unicode-normalise; every character that is not printable (line breaks, tabs, control and
    format characters) becomes a space. The text keeps its typography: what a reader is shown."""
    text = unicodedata.normalize("NFC", text or "")
    if not text.isprintable():  # checked in C: a word or a title never loops over its characters
        text = _COMMON_UNPRINTABLE.sub(" ", text)
        if not text.isprintable():
            text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text


def normalize(text: str) -> str:
    """``printable``, with apostrophes, quotes and dashes unified (``SUBSTITUTES``): what is analysed."""
    return _LOOK_ALIKE.sub(lambda match: SUBSTITUTES[match.group()], printable(text))


@functools.lru_cache(maxsize=1)
def _morph():
    # Loading the dictionaries takes ~0.3 s and ~15 MB: once per process.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def _token(form: str) -> str:
    return form.replace("'", "").replace("-", "")


# Latin letters that look like Cyrillic ones (lower case: a word is lowered first), and the letter
# meant: «рiшення» typed with a Latin i, «Kиїв» with a Latin K.
_CYRILLIC_OF_LATIN = str.maketrans("abcehikmoptxyï", "авсенікмортхуї")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN_LOOK_ALIKE = re.compile("[abcehikmoptxyï]")
_LETTERS = re.compile(r"[^\W\d_]+")


def _cyrillic_run(match) -> str:
    run = match.group()
    return run.translate(_CYRILLIC_OF_LATIN) if _CYRILLIC.search(run) else run


def fold_look_alikes(word: str) -> str:
    """``word`` (lower case) with the Latin look-alike letters inside a Cyrillic word made Cyrillic.

    A run of letters that holds no Cyrillic letter («wi» in «wi-fi») is left as it is.
    """
    if not _LATIN_LOOK_ALIKE.search(word):
        return word
    return _LETTERS.sub(_cyrillic_run, word)


# The apostrophe of Ukrainian stands after a consonant before я, ю, є, ї. Typed on a Russian keyboard
# or a phone it comes as a soft sign («обьєкти», «сімья», «пьять») or a straight double quote
# («об"єкти»). A soft sign is never written after б, п, в, м, ф before these vowels in Ukrainian, nor
# after р (only Russian spellings have it: «Дарья», «подвірья»), so there it is read as the
# apostrophe wherever it stands; after another consonant it may be right («Ньютон», «Рішельє»), so
# there only a word the dictionary does not know is tried with the apostrophe (``_with_apostrophe``).
# A double quote between a consonant and one of the vowels is not a quotation mark.
_CONSONANTS = "бвгґджзклмнпрстфхцчшщ"
_IOTATED = "яюєї"
_SOFT_SIGN_LABIALS = "бпвмфр"
_APOSTROPHE_TYPED = re.compile(
    f'(?<=[{_SOFT_SIGN_LABIALS}])ь(?=[{_IOTATED}])|(?<=[{_CONSONANTS}])"(?=[{_IOTATED}])', re.IGNORECASE
)
_APOSTROPHE_MAYBE = re.compile(f'[ь"][{_IOTATED}]', re.IGNORECASE)
_APOSTROPHE_SPOT = re.compile(f"[{_CONSONANTS}]['ь]?(?=[{_IOTATED}])")


def fold_apostrophes(text: str) -> str:
    """``text`` (``normalize``d) with a soft sign after б, п, в, м, ф, р and a double quote after a
    consonant, before я, ю, є, ї, read as the apostrophe: «сімья», «об"єкти» → «сім'я», «об'єкти»."""
    if not _APOSTROPHE_MAYBE.search(text):  # a scan in C: a text almost never has one
        return text
    return _APOSTROPHE_TYPED.sub("'", text)


def apostrophe_mappings() -> list[str]:
    """The rules of ``fold_apostrophes`` as an Elasticsearch ``mapping`` char filter's mappings, in
    every case: it runs before the text is lowered («СІМЬЯ», «Сімья» and «сімья» all map)."""
    rules = [(c, "ь", v) for c in _SOFT_SIGN_LABIALS for v in _IOTATED]
    rules += [(c, '"', v) for c in _CONSONANTS for v in _IOTATED]
    mappings = []
    for consonant, typed, vowel in rules:
        for c in (consonant, consonant.upper()):
            for t in dict.fromkeys((typed, typed.upper())):
                for v in (vowel, vowel.upper()):
                    mappings.append(f"{c}{t}{v}=>{c}'{v}")
    return mappings


def search_form(text: str) -> str:
    """A text as search compares it: normalised, in lower case, the Latin look-alikes inside Cyrillic
    words made Cyrillic («Рiшення» with a Latin i → «рішення»), the apostrophe typed as a soft sign or a
    double quote made the apostrophe (``fold_apostrophes``). The query, the index and the search box's
    suggestions all read text through it."""
    return fold_apostrophes(fold_look_alikes(normalize(text).lower()))


def search_words(text: str) -> list[str]:
    """The words of a text in its ``search_form``, in order (stop-words included)."""
    return _WORD.findall(search_form(text))


#: Abbreviations of addresses and the word each stands for («вул. Шевченка» is «вулиця Шевченка»).
#: A word here has both as index tokens and query alternatives, the full word first.
ABBREVIATIONS = {"вул": "вулиця", "просп": "проспект", "пл": "площа", "пров": "провулок", "бульв": "бульвар"}
# «м.» before a name («м. Ніжин») is «місто»; elsewhere «м» is a metre («100 кв. м. Рішення»), so the
# index adds «місто» only there (and keeps «м»); a query's «м» is «місто» or «м» (``lemma_groups``).
_CITY = re.compile(r"(?<![\w.])(?<!кв\.\s)м\.(?=\s*[А-ЯЁҐЄІЇ])")


@functools.lru_cache(maxsize=200_000)
def lemma_variants(word: str) -> tuple[str, ...]:
    """The distinct dictionary forms of one word, most likely first, as index tokens.

    A form can belong to several lemmas («відходів» is «відходи» or «відхід»); index and query
    both keep every candidate, so a page matches when their candidates meet. Latin look-alikes
    typed inside a Cyrillic word are read as the Cyrillic letters (``fold_look_alikes``); an
    abbreviation of an address gives its full word, then itself (``ABBREVIATIONS``).
    """
    word = fold_apostrophes(fold_look_alikes(word.lower()))
    if word.isdigit():
        return (word,)
    if word in ABBREVIATIONS:
        return (ABBREVIATIONS[word], word)
    try:
        parses = _morph().parse(word)
        if not parses[0].is_known and (spelt := _with_apostrophe(word)):
            parses = _morph().parse(spelt)
        parses = parses[:4]
    except (KeyError, ValueError, IndexError):
        # pymorphy3 looks letters up by Unicode name; some scripts' letters have none (e.g. Tangut).
        parses = []
    variants = []
    for parse in parses:
        token = _token(parse.normal_form)
        if token not in variants:
            variants.append(token)
    return tuple(variants) or (_token(word),)


#: Spellings of one word with the apostrophe tried at most (a word has one or two places for it).
_MAX_APOSTROPHE_TRIES = 4


def _with_apostrophe(word: str) -> str | None:
    """The spelling of ``word`` (one the Ukrainian dictionary does not know) with the apostrophe where
    it was left out or typed as a soft sign, if the dictionary knows that spelling: «пятого» →
    «п'ятого», «зьїзд» → «з'їзд», «компютерів» → «комп'ютерів»; None otherwise («бюро» is known and
    never tried; «Ньютон» stays)."""
    spots = [match.end() for match in _APOSTROPHE_SPOT.finditer(word) if match.group()[-1] != "'"]
    for end in spots[:_MAX_APOSTROPHE_TRIES]:
        if word[end - 1] == "ь":
            spelt = word[: end - 1] + "'" + word[end:]
        else:
            spelt = word[:end] + "'" + word[end:]
        if _morph().parse(spelt)[0].is_known:
            return spelt
    return None


_GENITIVE_MONTHS = (
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()
)
# A date as the council and citizens write it: «12.03.2026», «12.3.2026», «12 березня 2026», with the
# «р.» or «року» that may follow it.
_DATE = re.compile(
    r"(?<![\w./-])(?:(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)"
    rf"|(\d{{1,2}})\s+({'|'.join(_GENITIVE_MONTHS)})\s+((?:19|20)\d\d))"
    r"(?:\s*(?:року|рік|р)(?!\w)\.?)?(?![\w/-]|\.\d)",
    re.IGNORECASE,
)


def _day_token(day: int, month: int, year) -> str:
    return f"n{day:02d}x{month:02d}x{year}"


def date_token(day: datetime.date) -> str:
    """The one token of a date, as ``number_token`` reads it written: 12 March 2026 → «n12x03x2026»."""
    return _day_token(day.day, day.month, day.year)


def _date_token(match) -> str:
    if match[1]:
        day, month, year = int(match[1]), int(match[2]), match[3]
    else:
        day, month, year = int(match[4]), _GENITIVE_MONTHS.index(match[5].lower()) + 1, match[6]
    return _day_token(day, month, year) if 1 <= day <= 31 and 1 <= month <= 12 else ""


def number_token(number: str) -> str:
    """One token for an act number as written: «№ 4-49/2018» → «n4x49x2018», «312» → «n312».

    Letters are kept (Cyrillic too), separators become ``x`` so the search engine's own tokenizer
    keeps the whole number as a single word. The council's numbers are written in Cyrillic, so a Latin
    look-alike in one is read as the Cyrillic letter («12-p» is «12-р»). A date is one token however
    it is written: «12.3.2026», «12.03.2026» and «12 березня 2026» are «n12x03x2026».
    """
    text = normalize(number).lower().replace("№", " ")
    date = _DATE.fullmatch(text.strip())
    if date and (token := _date_token(date)):
        return token
    parts = re.findall(r"\w+", text.translate(_CYRILLIC_OF_LATIN))
    return "n" + "x".join(parts) if parts else ""


def number_tokens(text: str) -> list[str]:
    """Tokens for every act-number-like sequence and every date in a text."""
    text = normalize(text)
    tokens = [token for match in _NUMBER.findall(text) if (token := number_token(match))]
    return tokens + [token for match in _DATE.finditer(text) if match[4] and (token := _date_token(match))]


def words(text: str) -> list[str]:
    """The words of a text, normalised, in order (stop-words included)."""
    return _WORD.findall(normalize(text))


def lemmas(text: str) -> list[str]:
    """The most likely lemmas of a text in order, stop-words removed."""
    return [variants[0] for variants in lemma_groups(text)]


@functools.lru_cache(maxsize=1)
def _morph_ru():
    # The Russian dictionaries come with pymorphy3 (it requires them); loaded by the first query needing them.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=20_000)
def russian_lemma(word: str) -> str | None:
    """The Russian dictionary form of a word the Ukrainian dictionaries do not know, as a token
    («депутаты» → «депутат», «решения» → «решение»); None for a Ukrainian word, a number or an unknown one.
    """
    word = fold_look_alikes(word.lower())
    # Russian writes a soft sign where the search reads an apostrophe (``fold_apostrophes``): «семья»
    # comes here as «сем'я», and is «семья» before it is «семя».
    spellings = [word]
    if not word.isalpha():
        word = word.replace("'", "").replace("-", "")
        if not word.isalpha():
            return None
        spellings = list(dict.fromkeys([spellings[0].replace("-", "").replace("'", "ь"), word]))
    try:
        if any(parse.is_known for parse in _morph().parse(word)):
            return None
        for spelling in spellings:
            known = [parse for parse in _morph_ru().parse(spelling) if parse.is_known]
            if known:
                return _token(known[0].normal_form)
    except (KeyError, ValueError):
        return None
    return None


def lemma_groups(text: str) -> list[tuple[str, ...]]:
    """For each word of a query (stop-words removed), its candidate lemmas.

    A word the Ukrainian dictionaries do not know but the Russian ones do, as a citizen may type it,
    has its Russian lemma first: «депутаты» finds «депутати», «тарифы» «тарифи», and a synonym group
    the editors wrote («рішення» and «решение», ``search.models.SynonymGroup``) serves every form
    («решения», «решению»). The index keeps the pages' Ukrainian lemmas only (``index_text``).
    """
    groups = []
    for word in search_words(text):
        if word in STOP_WORDS:
            continue
        variants = lemma_variants(word)
        if word == "м":  # a query's «м» is the city («м. ніжин», typed in lower case), not a metre
            variants = ("місто", "м")
        russian = None if word in ABBREVIATIONS else russian_lemma(word)
        if russian:
            variants = (russian, *(variant for variant in variants if variant != russian))
        groups.append(variants)
    return groups


def hyphen_parts(word: str) -> list[str]:
    """The parts of a hyphenated word (lower case) that the index keeps beside it: «північно-східний»
    gives «північно» and «східний»; single letters and stop-words are left out."""
    if "-" not in word:
        return []
    return [part for part in word.split("-") if len(part) > 1 and part not in STOP_WORDS]


class PhraseMatcher:
    """Finds where the words of a phrase stand together in this order in a text, as the index reads it.

    ``groups`` are ``lemma_groups`` of the phrase (each word's candidate lemmas). A word of the text
    matches a word of the phrase when their lemmas meet, so inflected forms match («бюджету міста»
    holds «бюджет міста»); a hyphenated word matches by its parts too, «м.» before a name is «місто»;
    stop-words between the words are not counted, as the index keeps none. Each distinct word of the
    texts is analysed once per matcher: one serves every page a query reads.
    """

    def __init__(self, groups):
        self.wanted = [frozenset(group) for group in groups]
        self._matches = {}

    def _positions(self, word) -> int:
        """A bit for each word of the phrase that ``word`` matches (0: none)."""
        variants = lemma_variants(word)
        for part in hyphen_parts(word):
            variants += lemma_variants(part)
        return sum(1 << i for i, wanted in enumerate(self.wanted) if not wanted.isdisjoint(variants))

    def _bits(self, text) -> list[int]:
        """The bits of each word of ``text`` that is not a stop-word (``_positions``), in order."""
        matches = self._matches
        bits = []
        pieces = _CITY.split(text) if "м." in text else [text]
        for i, piece in enumerate(pieces):
            if i:
                bits.append(self._positions("місто") | self._positions("м"))
            words = search_words(piece)
            for word in set(words).difference(matches):
                matches[word] = -1 if word in STOP_WORDS else self._positions(word)
            bits.extend(bit for bit in map(matches.__getitem__, words) if bit >= 0)
        return bits

    def found_in(self, texts) -> bool:
        """Whether the phrase stands in one of ``texts``."""
        size = len(self.wanted)
        if not size:
            return False
        for text in texts:
            if not text:
                continue
            bits = self._bits(text)
            last = len(bits) - size
            for start in (i for i, bit in enumerate(bits) if bit & 1 and i <= last):
                if all(bits[start + n] >> n & 1 for n in range(1, size)):
                    return True
        return False


def contains_phrase(texts, groups) -> bool:
    """Whether the words of ``groups`` (``lemma_groups`` of a phrase) stand together in this order in
    one of ``texts`` (``PhraseMatcher``)."""
    return PhraseMatcher(groups).found_in(texts)


_PHRASE = re.compile(r'"([^"]*)"')


def split_phrases(query: str) -> tuple[str, list[str]]:
    """A query's text outside quotes, and the phrases it quotes, in order.

    ``"бюджет міста"``, «бюджет міста» and „бюджет міста“ are one phrase (``normalize`` makes them
    straight quotes); a quote between a consonant and я, ю, є, ї is an apostrophe («об"єкти»), an
    unclosed quote is just a character.
    """
    text = fold_apostrophes(normalize(query))
    if '"' not in text:
        return text, []
    phrases = [phrase.strip() for phrase in _PHRASE.findall(text)]
    return _PHRASE.sub(" ", text), [phrase for phrase in phrases if phrase]


def index_text(*texts: str) -> str:
    """The analysed form of a document for the index: lemmas, then act-number tokens.

    A hyphenated word is indexed whole and by its parts: «соціально-економічного» is found by
    «економічний», «Північно-Східний» by «східний» (a query keeps a hyphenated word whole). «м.» before
    a name is indexed as «місто» too.
    """
    out = []
    for text in texts:
        if not text:
            continue
        if "м." in text:
            text = _CITY.sub("місто м.", text)
        for word in search_words(text):
            if word in STOP_WORDS:
                continue
            out.extend(lemma_variants(word))
            for part in hyphen_parts(word):
                out.extend(lemma_variants(part))
        out.extend(number_tokens(text))
    return " ".join(out)


# What a keyboard without «№» types for it before a number: «N 12», «No.12», «Nº 12», «#12».
_NUMBER_SIGN = re.compile(r"(?<!\w)(?:[Nn][Oo\u00ba\u00b0]?\.?|#)\s*(?=\d)")


def clean_query(raw: str) -> str:
    """A query made safe: normalised, control characters gone, length bounded; a number sign typed
    as «N», «No» or «#» is «№».

    A query longer than ``MAX_QUERY_CHARS`` is cut before the word the limit falls in: the stump of
    a word would be a term that no page holds, and every term must match.
    """
    # Twice the limit is read: enough to find the limit's word after runs of spaces, and bounded.
    text = " ".join(normalize(str(raw or "")[: 2 * MAX_QUERY_CHARS]).split())
    text = _NUMBER_SIGN.sub("№ ", text)
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS + 1)
        text = text[: cut if cut > 0 else MAX_QUERY_CHARS].rstrip()
    return text


def looks_like_number(query: str) -> bool:
    """True when a query is an act number as people write it («4-49/2018», «№ 312», «312»)."""
    text = clean_query(query).replace("№", "").strip()
    return bool(text) and bool(re.fullmatch(r"\d+\w*(?:\s?[-/.]\s?\w+)*", text))


_LONE_NUMBER = re.compile(r"n\d+")


def query_term_groups(query: str) -> list[tuple[str, ...]]:
    """The analysed terms of a query, each a tuple of alternatives (candidate lemmas), capped.

    Number tokens come as one-element groups after the words; a date is its token alone. A lone
    number («101», «2026») is a word of the query already: as a number token too it would demand a
    number written exactly so, and miss the order «101-р» and the decision «101/2026» (the exact
    number is pinned first anyway, ``search.ranking.exact_number_matches``).
    """
    text = clean_query(query)
    numbers = [(token,) for token in number_tokens(text) if not _LONE_NUMBER.fullmatch(token)]
    # A date is its one token, whatever way it is written: its day, month and year are not words to match.
    text = _DATE.sub(" ", text)
    groups = []
    for group in lemma_groups(text) + numbers:
        if group not in groups:
            groups.append(group)
    return groups[:MAX_QUERY_TERMS]


def query_terms(query: str) -> list[str]:
    """Every analysed term of a query (all candidate lemmas and number tokens), for highlighting."""
    return [term for group in query_term_groups(query) for term in group]
