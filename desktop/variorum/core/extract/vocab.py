"""Word lists the rules use: speech verbs, job titles, organization nouns, false entities.

They are lists of ordinary English words, never of names: the rules must work on news about
people and companies we have never seen.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_VERBS = _words(
    """
    say tell add warn emphasize emphasise note argue insist call describe explain state claim
    declare announce assert stress write tweet post reply respond answer ask recall remark
    observe comment suggest predict caution urge acknowledge admit concede confirm deny
    maintain contend complain lament quip joke continue conclude mention point testify
    report reveal disclose estimate believe think worry fear hope promise vow pledge
    recount recommend counter retort reiterate repeat characterize characterise
    dub label question wonder exclaim shout whisper murmur mutter boast brag concur agree
    disagree object protest allege charge assure reassure advise inform elaborate
    clarify highlight underscore underline summarize summarise put
    read chant yell scream cry bark boom thunder snap sneer scoff interject muse utter
    proclaim pronounce plead beg implore gush fume chime rave rant grumble bemoan
    email text message quote publish speak confess echo mouth rail affirm lecture gloat
    exhort hint speculate demur opine vent voice surmise riff grouse gripe intone laugh
    retweet blog talk
    """
)
"""Lemmas of verbs that introduce speech ("put" covers "as X put it"). Matched on the parse's
lemmas, so every inflected form ("shouted", "agrees", "writing") counts without a list of
forms. Grown from the speech cues annotated in PolNeAR's training split."""

RETORT_VERBS = _words("shoot fire hit cut pipe")
"""Verbs that mean a spoken reply only with a particle ("shot back", "cut in", "piped up"), so
they are not speech verbs on their own ("the police fired")."""

REPORTING_VERBS = _words(
    """
    praise accuse criticize criticise blast slam attack condemn denounce decry liken compare
    cite mock ridicule dismiss blame credit thank chide scold rebuke berate lambast lambaste
    defend tout hail applaud welcome reject refute brand endorse offer express issue release
    deride insult laud assail needle rip hammer find
    """
)
"""Verbs that report what someone said only when the quoted words are their object or
complement ("X praised the \"great work\"", "X accused Y of \"lying\""): elsewhere in the
sentence a quote is someone else's."""

SPEECH_NOUNS = _words(
    """
    remark comment statement word claim assertion promise pledge vow warning call message
    tweet quip question answer response retort description characterization argument plea
    demand boast accusation charge insistence suggestion admission confession dictum
    declaration announcement slogan mantra refrain catchphrase phrase line
    """
)
"""Nouns of things said: "her remark that "..."" quotes the one whose remark it is."""

NON_SPEAKER_NOUNS = _words(
    """
    incident event episode occasion issue matter fact theme topic idea notion concept win
    victory defeat loss meeting session discussion conversation performance election vote
    shooting attack crash dilemma situation moment taste outcome result
    """
)
"""Nouns of events, contests and ideas: they say nothing, so a description headed by one
("the incident", "an unexpectedly strong win that led her to declare") is never a speaker,
though the parser may make it the subject of a speech verb."""

POLL_NOUNS = _words("poll survey")
SHARE_WORDS = _words("percent % per-cent half majority plurality")
"""A poll and the share of its respondents that "say" something (``source.poll``)."""

WORK_VERBS = _words("publish write read release post print")
"""Verbs whose headline-case object right after them is a work's title ("Mr. Singer
published “Character Studies”"), unless a comma or a colon sets the words off as said."""

NAMING_VERBS = _words("call dub label brand nickname christen")
"""Verbs whose quoted complement is a name the subject gives someone ("X called Y “Little
Marco”"): speech, though capitalised like a title."""

DISTANCING_WORDS = ("so-called", "so called", "self-styled", "self-described")
"""Words right before a quote that mark it as a label held at arm's length, nobody's speech
("a so-called “rising star”")."""

GENERIC_ORG_NOUNS = _words("company firm group business organization organisation unit")
"""Nouns any organization is called: the organization's name is never looked for after them."""

TITLE_WORDS = _words(
    """
    ceo cfo coo cto chief executive officer president vice chairman chairwoman chair
    chairperson founder co-founder cofounder director secretary minister premier chancellor
    governor senator sen. rep. representative congressman congresswoman mayor judge justice
    professor prof. prof dr. dr mr. mr mrs. mrs ms. ms miss sir dame lord lady general gen.
    colonel col. captain capt. lieutenant sergeant commissioner ambassador spokesman
    spokeswoman spokesperson analyst economist scientist researcher partner head leader
    manager editor correspondent reporter columnist king queen prince princess pope bishop
    rev. reverend deputy assistant acting former late prime foreign state general-secretary
    attorney inspector superintendent chief-executive councillor councilor alderman
    alderwoman mp mep lawmaker legislator assemblyman assemblywoman marshal sheriff
    striker midfielder defender goalkeeper winger coach referee skipper nurse doctor
    surgeon teacher lawyer barrister solicitor engineer farmer fisherman pilot detective
    constable activist campaigner author novelist writer poet singer actor actress chef
    artist photographer historian physicist chemist biologist geologist glaciologist
    hydrologist epidemiologist virologist lecturer student strategist trader banker
    envoy mediator negotiator trustee cllr cllr. headteacher headmaster headmistress principal
    rector chaplain imam rabbi priest archbishop cardinal admiral commander brigadier
    firefighter paramedic consultant architect designer treasurer registrar auditor prosecutor
    magistrate coroner ombudsman midwife pharmacist dentist veterinarian psychologist
    psychiatrist paediatrician pediatrician cardiologist oncologist meteorologist forecaster
    astronomer archaeologist curator librarian director-general secretary-general boss owner
    landlord maj. maj lt. lt sgt. sgt cpl. cpl pvt. pvt adm. adm gov. gov
    """
)
"""Words that precede a name as a title or role ("OpenAI CEO Sam Altman", "Professor X",
"Striker X" at the start of a sentence, where the model takes the role into the name)."""

PERSON_ROLES = _words(
    """
    author co-author professor nurse doctor surgeon teacher lawyer barrister solicitor engineer
    farmer fisherman detective constable activist campaigner novelist writer poet singer actor
    actress chef photographer historian physicist chemist biologist geologist scientist
    researcher economist spokesman spokeswoman spokesperson coach striker midfielder defender
    goalkeeper winger referee skipper captain mayor senator governor judge minister headteacher
    headmaster headmistress coroner paediatrician pediatrician psychologist psychiatrist
    midwife pharmacist dentist firefighter paramedic archbishop bishop priest rabbi imam
    ceo cfo coo cto candidate nominee hopeful contender challenger incumbent frontrunner
    front-runner congressman congresswoman lawmaker legislator assemblyman assemblywoman
    president chairman chairwoman secretary ambassador adviser advisor aide
    strategist commentator host anchor columnist correspondent reporter editor analyst
    attorney prosecutor billionaire millionaire businessman businesswoman entrepreneur
    comedian philanthropist tycoon magnate mogul
    """
)
"""Roles only a person has ("lead author X", "striker X", "Acme CEO X"); not "partner",
"owner", "leader" or "founder", which companies are called too."""

HONORIFICS = _words("mr mr. mrs mrs. ms ms. miss dr dr. sir dame cllr cllr. councillor councilor")
"""Forms of address only people have: a name they open is a person's, whatever else follows
("Mrs Justice X", which the model calls an organization)."""

PLATFORMS = _words(
    """
    twitter facebook instagram youtube tiktok snapchat reddit linkedin whatsapp telegram
    weibo wechat tumblr pinterest periscope myspace
    """
)
"""Social platforms: where people post, never a person ("he tweeted" does not refer to
Twitter). As a speaker, the company itself ("Twitter said it investigated")."""

YEAR_LEAD_WORDS = _words(
    "in of since from to the by until till before after early late mid class and or"
)
"""Words before a year written with an apostrophe ("in ’08", "class of ’97"): that mark
opens no quote."""

SETTLEMENT_WORDS = _words("town city county borough village")
"""Last words of a name that is a place or, in sport, a club ("X Town"): never a person."""

STREET_WORDS = _words("street avenue road boulevard lane highway parkway plaza")
"""Last words of a street's name ("X Galeana Street"): a place, never a person."""

ROLE_WORDS = _words(
    """
    ceo cfo coo cto chief executive president chairman chairwoman chairperson founder
    co-founder cofounder director spokesman spokeswoman spokesperson professor analyst
    economist scientist researcher partner secretary minister
    """
)
"""Roles that separate an organization from a person inside one name ("OpenAI CEO Altman")."""

ORG_NOUNS = _words(
    """
    company companies firm firms maker makers chipmaker chipmakers automaker automakers
    carmaker carmakers giant giants startup startups start-up start-ups developer developers
    manufacturer manufacturers provider providers operator operators group groups lab labs
    laboratory laboratories bank banks agency agencies retailer retailers carrier carriers
    insurer insurers conglomerate conglomerates publisher publishers broadcaster
    broadcasters airline airlines brand brands platform platforms outlet outlets fund funds
    investor investors nonprofit nonprofits non-profit organization organizations
    organisation organisations institute institutes university universities newspaper
    newspapers network networks supplier suppliers vendor vendors rival rivals peer peers
    competitor competitors subsidiary subsidiaries unit units affiliate affiliates
    corporation corporations business businesses exchange exchanges regulator regulators
    think-tank tank tanks consultancy consultancies charity charities union unions lender
    lenders utility utilities watchdog watchdogs pollster pollsters drugmaker drugmakers
    miner miners refiner refiners shipper shippers telco telcos chain chains club clubs
    party parties foundation foundations association associations cooperative cooperatives
    co-op co-ops ngo ngos studio studios alliance alliances coalition coalitions consortium
    consortia federation federations movement movements service services office offices
    ministry ministries department departments authority authorities commission
    commissions council councils committee committees body bodies board boards museum
    museums gallery galleries hospital hospitals venture ventures estate estates winery
    wineries vineyard vineyards brewery breweries distillery distilleries restaurant
    restaurants hotel hotels tribunal tribunals
    """
)
"""Nouns that, placed before a capitalised name, say the name is an organization
("chip maker X", "search giant X", "companies including X")."""

PEOPLE_TOO_NOUNS = _words(
    """
    developer developers investor investors rival rivals peer peers competitor competitors
    publisher publishers broadcaster broadcasters pollster pollsters
    """
)
"""Organization nouns that describe people as often ("property developer X", "rival X",
"investors X and Y"): before a name the model reads as a person's, no evidence of a body."""

ORG_HEADS = _words(
    """
    academy agency association authority bank board bureau center centre college commission
    committee company conservancy cooperative co-operative corporation council court
    department federation foundation fund group hospital institute institution league
    ministry museum office organization organisation parliament party police school service
    society trust union university laboratory laboratories labs council cooperative
    united rovers wanderers athletic albion fc afc hotspur tribunal
    """
)
"""Last words that make a capitalised name an organization ("Calder Bay Fishing
Cooperative", "Bureau of Meteorology"), whatever label the model gave it."""

EVENT_HEADS = _words(
    """
    summit conference forum games olympics championship championships cup festival awards
    expo week show fair marathon tournament
    """
)
"""Last words of event names, which the model often labels as organizations."""

LISTENER_VERBS = _words("tell")
"""Speech verbs whose object after them is the listener, not an inverted speaker ("told X")."""

CONTRAST_MARKS = _words("while whereas although though")
"""Words opening a clause set against another ("..., while Y said"): the writer's own report
of a second speaker, never part of the first speaker's words."""

PLURAL_PEOPLE = _words("people women men children fishermen firemen workmen kinsmen")
"""Irregular plurals naming a class of people, which the model tags as singular proper nouns
in a name: the possessive after one belongs to the name ("Children's Hospital")."""

ARTICLES = _words("the a an")

POST_NOMINALS = _words("kc qc sc mp msp mla mep obe mbe cbe kbe dbe frs jr jr. sr sr.")
"""Letters after a name ("Guy Kearl KC", "Jane Hale MP"): part of how the person is named, never
an organization of their own."""

LAW_HEADS = _words("act acts law bill directive regulation treaty accord agreement charter")
"""Last words of laws and treaties ("Digital Services Act", "Paris Agreement"), which the model
often labels as organizations."""

CONCEPT_HEADS = _words(
    """
    index act bill law treaty agreement accord protocol plan programme program scheme
    standard rate ratio intelligence declaration initiative strategy model product theory
    syndrome disease method test
    """
)
"""Last words of capitalised names that are ideas, laws or measures, not bodies: "Consumer
Price Index (CPI)" defines an acronym without being an organization."""

OWNERSHIP_WORDS = _words(
    """
    state-owned state-run state-backed state-controlled government-owned government-run
    government-backed publicly-listed publicly-owned family-owned family-run
    privately-owned privately-held employee-owned city-owned municipally-owned
    foreign-owned investor-owned listed
    """
)
"""Adjectives that only describe companies and institutions ("the state-owned X")."""

TRAVEL_WORDS = _words(
    """
    drive travel fly commute walk sail ride cycle hike trek journey trip flight route road
    railway rail line train bus ferry mile kilometre kilometer km minute hour evacuate
    relocate deport emigrate migrate flee extend stretch link connect
    """
)
"""Lemmas whose "to X" / "from X" object is somewhere, not somebody (unlike "moved to" or
"returned to", which also take employers)."""

CIVIC_NOUNS = _words(
    """
    council councillor mayor resident population townspeople street outskirts suburb
    waterfront townsfolk villager
    """
)
"""Nouns only a place owns: "Port Calder's council", "Ashby's residents" (not "port" or
"station", which companies own too)."""

PRODUCT_NOUNS = _words(
    """
    product chatbot bot app application model tool service software system device phone
    smartphone handset car vehicle drug vaccine treatment game programme program feature
    assistant robot satellite rocket engine chip processor console laptop tablet camera
    """
)
"""Nouns for things a company makes: "a chatbot called X" names a product, not a body."""

DESCRIPTOR_NOUNS = _words(
    """
    carmaker automaker chipmaker drugmaker retailer lender insurer miner refiner operator
    broadcaster airline publisher manufacturer supplier startup start-up conglomerate
    developer provider regulator watchdog pollster telco utility charity consultancy
    shipper
    """
)
"""Organization nouns that open a sentence before a name ("Chipmaker X said ..."), where the
model takes the capitalised noun as part of the name."""

EMPLOYEE_NOUNS = _words(
    """
    lawyer attorney barrister solicitor engineer banker trader strategist consultant
    official employee representative delegate executive delegation team student
    """
)
"""People whose "from X" names an employer or a school ("a lawyer from X"), not a home
town ("a retired nurse from X")."""

PLACE_NOUNS = _words(
    """
    province village town city region county district municipality island state prefecture
    suburb port capital borough parish canton oblast republic kingdom emirate resident
    residents native natives citizen citizens outskirts suburbs streets centre center mayor
    governor
    """
)
"""Nouns whose "of X" names a place ("the northern province of X", "the village of X", "a
resident of X", "the mayor of X")."""

POST_ORG_NOUNS = _words(
    """
    movement party alliance coalition consortium foundation federation union network group
    spokesman spokeswoman spokesperson founder co-founder cofounder
    """
)
"""Lower-case nouns that, right after a capitalised name, say the name is an organization's
("whose Patria Nueva movement", "the Green Dawn party", "a Tencent spokesperson": people
have spokespeople too, but a one-word person's name is left alone). Not "campaign" or
"administration", which follow people's names."""

PLACE_FEATURE_NOUNS = _words(
    """
    airport harbour harbor region province county valley district coast coastline
    peninsula delta basin riverside waterfront branch
    """
)
"""Nouns a place name modifies ("Bergamo airport", "the Sahel region"): the name is a place."""

NAME_PARTICLES = _words(
    "do da de dos das del della dei degli delle des di du van von der den la le y zu"
)
"""Lower-case words inside a capitalised name ("Ferrovias do Norte", "Banco de Galicia",
"Van der Berg"): the model often splits the name at them."""

LEGAL_SUFFIXES = _words(
    """
    inc inc. corp corp. corporation co. ltd ltd. llc plc ag sa s.a. nv n.v. gmbh limited
    bhd pty spa s.p.a. oyj asa ab kk
    """
)
"""Legal-form words: a capitalised run ending with one is a company ("Andes Lithium Corp")."""

COMPANY_SUFFIXES = _words(
    """
    inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa nv gmbh group holdings
    holding technologies technology tech systems labs lab capital partners international
    global limited company industries ventures networks
    """
)
"""Trailing words that make "X Technologies" the same company as "X"."""

FALSE_ENTITY_WORDS = _words(
    """
    ai a.i. ml llm llms gpu gpus cpu api apis ceo cfo cto coo vr ar ios app apps covid
    covid-19 gdp ipo esg faq q&a pm am tv dna rna pac pacs
    """
)
"""Words the statistical model often labels as an organization though they are not."""

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_ORG = frozenset({"it"})
POSSESSIVES_PERSON = frozenset({"his", "her"})
"""Possessive pronouns that stand for one person ("her remark", "his campaign")."""
OBJECT_PRONOUNS_PERSON = frozenset({"him", "her", "them", "himself", "herself", "themselves"})
"""Pronouns that stand for people as a verb's object."""
PRONOUNS_GROUP = frozenset({"they"})
"""A plural "they" stands for a group or an organization, or stays unresolved."""
INDEFINITE_SPEAKERS = _words(
    "one another some several many most others someone somebody both few each all none"
)
"""Words that stand for speakers the text does not name ("one of her aides said", "yet
another said"): never resolved to a name, shown as what the text says."""
