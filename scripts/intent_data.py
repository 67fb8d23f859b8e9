"""Generate English training sentences for edge's intent head.

One label per route of edge's router (``LABELS``). Sentences of the skills Home Assistant
knows (timer, time, weather, device, and lists under notes) come from the English templates
of ``home-assistant-intents`` (Apache-2.0), parsed with ``hassil`` (Apache-2.0), with every
slot filled from wide value pools defined here. Those templates are narrow for some skills
(HassGetCurrentTime has 11 expansions, HassGetWeather only "what is the weather like in X"),
so extra templates in hassil syntax (``EXTRA_TEMPLATES``, edge_* groups) widen them and are
the only source of the labels HA has no intents for (math, status, knowledge, unsupported,
notes and reminders); ``--no-extra`` drops the groups of labels HA covers. ``chat`` mixes the
first turns of ``chatterbot-corpus`` (BSD-3-Clause) with ``CHAT_TEMPLATES``; ``complex`` mixes
the corpus's coding.yml with ``COMPLEX_TEMPLATES``.

    python scripts/intent_data.py --out intents.csv [--seed 0] [--per-label 800] [--no-extra]

Nothing here reads /work/shared/eval, which is kept for evaluation.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import random
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from hassil import (
    Alternative,
    Expression,
    Intents,
    ListReference,
    Permutation,
    RangeSlotList,
    RuleReference,
    Sentence,
    Sequence,
    SlotList,
    TextChunk,
    TextSlotList,
    WildcardSlotList,
    normalize_whitespace,
    parse_sentence,
)
from hassil.numbers import get_rbnf_engine
from home_assistant_intents import get_intents

LANGUAGE = "en"
LABELS: tuple[str, ...] = (
    "timer",
    "time",
    "math",
    "notes",
    "status",
    "weather",
    "device",
    "knowledge",
    "chat",
    "complex",
    "unsupported",
)
DEFAULT_PER_LABEL = 800

LABEL_DESCRIPTIONS: dict[str, str] = {
    "timer": "timers (start, cancel, pause, resume, add or take off time, status) and alarms",
    "time": "the current time, date, day of the week, and dates of named days",
    "math": "arithmetic, percentages and unit conversion",
    "notes": "the assistant's notes, reminders, and shopping and to-do lists",
    "status": "the assistant itself: loaded models, memory and CPU, version, health, offline operation",
    "weather": "weather and forecasts",
    "device": "smart-home devices and media players",
    "knowledge": "questions about documents the user added (contracts, manuals, papers, reports, emails)",
    "chat": "short general-knowledge questions and small talk, answered by the small local model",
    "complex": "reasoning, longer writing, code, plans and step-by-step explanations, for the bigger model",
    "unsupported": "actions edge cannot do offline: calls, messages, shopping, bookings, navigation, streaming "
    "services, social media, live internet data",
}
MAX_CONSECUTIVE_MISSES = 200

HA_INTENT_LABELS: dict[str, str] = {
    "HassStartTimer": "timer",
    "HassCancelTimer": "timer",
    "HassCancelAllTimers": "timer",
    "HassPauseTimer": "timer",
    "HassUnpauseTimer": "timer",
    "HassIncreaseTimer": "timer",
    "HassDecreaseTimer": "timer",
    "HassTimerStatus": "timer",
    "HassGetCurrentTime": "time",
    "HassGetCurrentDate": "time",
    "HassGetWeather": "weather",
    "HassTurnOn": "device",
    "HassTurnOff": "device",
    "HassGetState": "device",
    "HassLightSet": "device",
    "HassSetPosition": "device",
    "HassClimateGetTemperature": "device",
    "HassClimateSetTemperature": "device",
    "HassClimateSetFanMode": "device",
    "HassFanSetSpeed": "device",
    "HassMediaPause": "device",
    "HassMediaUnpause": "device",
    "HassMediaNext": "device",
    "HassMediaPrevious": "device",
    "HassMediaPlayerMute": "device",
    "HassMediaPlayerUnmute": "device",
    "HassMediaSearchAndPlay": "device",
    "HassSetVolume": "device",
    "HassSetVolumeRelative": "device",
    "HassVacuumStart": "device",
    "HassVacuumReturnToBase": "device",
    "HassVacuumCleanArea": "device",
    "HassLawnMowerStartMowing": "device",
    "HassLawnMowerDock": "device",
    "HassShoppingListAddItem": "notes",
    "HassShoppingListCompleteItem": "notes",
    "HassListAddItem": "notes",
    "HassListCompleteItem": "notes",
    "HassListRemoveItem": "notes",
}
"""Home Assistant intent name -> edge label. Intents absent here are not used."""

DROPPED_HA_INTENTS: dict[str, str] = {
    "HassNevermind": "two fixed words; the router matches 'never mind' / 'cancel' exactly",
    "HassBroadcast": "edge has no broadcast skill; its text is a free-form message",
    "HassRespond": "five fixed sentences that mix greetings (chat) with privacy questions (status)",
}

SOURCE_WEIGHTS: dict[str, float] = {
    "HassStartTimer": 3.0,
    "HassTurnOn": 3.0,
    "HassTurnOff": 3.0,
    "HassLightSet": 2.0,
    "HassGetWeather": 2.0,
    "edge_timer_start": 2.0,
    "edge_alarm": 2.0,
    "edge_math_arith": 2.0,
    "edge_math_convert": 2.0,
    "edge_reminder_set": 2.5,
    "edge_notes_take": 1.5,
    "edge_list": 1.5,
    "edge_knowledge_ask": 2.0,
    "edge_unsupported_live": 2.0,
    "edge_unsupported_message": 1.5,
    "complex_code": 1.5,
    "complex_writing": 2.0,
    "chat_social": 2.0,
}
"""Relative share of a source (HA intent or template group) within its label (default 1)."""

NAME_DOMAINS_BY_INTENT: dict[str, tuple[str, ...]] = {
    "HassTurnOn": ("light", "switch", "fan", "media_player", "cover", "climate"),
    "HassTurnOff": ("light", "switch", "fan", "media_player", "cover", "climate"),
    "HassGetState": ("light", "switch", "fan", "cover", "lock", "sensor", "binary_sensor"),
    "HassLightSet": ("light",),
    "HassSetPosition": ("cover", "valve"),
    "HassClimateGetTemperature": ("climate",),
    "HassClimateSetTemperature": ("climate",),
    "HassClimateSetFanMode": ("climate",),
    "HassFanSetSpeed": ("fan",),
    "HassVacuumStart": ("vacuum",),
    "HassVacuumReturnToBase": ("vacuum",),
    "HassVacuumCleanArea": ("vacuum",),
    "HassLawnMowerStartMowing": ("lawn_mower",),
    "HassLawnMowerDock": ("lawn_mower",),
    "HassGetWeather": ("weather",),
    "HassListAddItem": ("todo",),
    "HassListCompleteItem": ("todo",),
    "HassListRemoveItem": ("todo",),
}
"""Which kind of entity fills ``{name}`` when a template block names no domain itself."""

# fmt: off
ROOMS: tuple[str, ...] = (
    "living room", "kitchen", "bedroom", "master bedroom", "main bedroom", "guest room",
    "guest bedroom", "kids room", "nursery", "playroom", "bathroom", "master bathroom",
    "downstairs bathroom", "upstairs bathroom", "powder room", "hallway", "upstairs hallway",
    "entryway", "foyer", "mudroom", "laundry room", "utility room", "pantry", "dining room",
    "breakfast nook", "family room", "den", "study", "office", "home office", "library",
    "media room", "game room", "gym", "basement", "attic", "garage", "workshop", "shed",
    "porch", "front porch", "back porch", "patio", "deck", "balcony", "terrace", "garden",
    "backyard", "front yard", "driveway", "sunroom", "conservatory", "loft", "lounge",
    "closet", "walk-in closet", "stairs", "staircase", "landing", "wine cellar",
    "craft room", "music room", "sewing room", "emma's room", "jack's room", "noah's room",
    "sophia's room", "the twins' room", "granny flat", "pool house", "cabin", "boathouse",
)

FLOORS: tuple[str, ...] = (
    "upstairs", "downstairs", "first floor", "second floor", "third floor", "ground floor",
    "top floor", "main floor", "basement level", "lower level", "upper level", "attic floor",
)

_LIGHT_PLACES: tuple[str, ...] = (
    "kitchen", "bedroom", "living room", "hallway", "bathroom", "porch", "patio", "garage",
    "office", "den", "dining room", "nursery", "basement", "stairway", "closet", "garden",
    "ceiling", "desk", "bedside", "floor", "reading", "accent", "under cabinet", "vanity",
    "pendant", "island", "mirror", "christmas", "string", "pathway", "flood", "back door",
    "front door", "driveway", "pool", "aquarium", "sofa", "corner", "nightstand", "wall",
)
_LIGHT_NOUNS: tuple[str, ...] = (
    "light", "lights", "lamp", "light strip", "spotlights", "chandelier", "sconce", "bulb",
    "led strip", "downlights",
)

_SWITCHES: tuple[str, ...] = (
    "coffee maker", "espresso machine", "kettle", "space heater", "dehumidifier", "humidifier",
    "water fountain", "christmas tree", "printer", "smart plug", "power strip",
    "electric blanket", "towel warmer", "aquarium pump", "sprinklers", "guest mode",
    "vacation mode", "dishwasher", "washing machine", "dryer", "hot tub", "pool pump",
    "heated floor", "monitor", "computer", "router", "fireplace", "toaster oven", "rice cooker",
    "slow cooker", "air fryer", "fridge fan", "baby monitor", "security camera", "alarm",
    "night mode", "do not disturb", "diffuser", "salt lamp", "fish tank heater", "ev charger",
    "garden fountain", "heat lamp", "bug zapper", "radio",
)

_FANS: tuple[str, ...] = (
    "ceiling fan", "bedroom fan", "box fan", "tower fan", "attic fan", "bathroom fan",
    "exhaust fan", "kitchen fan", "range hood", "air purifier", "desk fan", "office fan",
    "living room fan", "porch fan", "nursery fan", "standing fan", "whole house fan",
    "garage fan", "pedestal fan", "window fan",
)

_COVERS: tuple[str, ...] = (
    "garage door", "living room blinds", "bedroom curtains", "patio awning", "skylight",
    "roller shades", "driveway gate", "front gate", "kitchen blinds", "office shades",
    "nursery blackout blinds", "sliding door", "back gate", "shutters", "window shades",
    "study curtains", "balcony shutters", "bathroom blind", "blackout curtains",
    "sunroom shades", "left garage door", "right garage door", "roof window",
)

_VALVES: tuple[str, ...] = (
    "main water valve", "garden valve", "irrigation valve", "gas valve", "sprinkler valve",
    "hose valve", "drip line", "pool valve",
)

_LOCKS: tuple[str, ...] = (
    "front door", "back door", "front door lock", "side gate lock", "garage lock", "deadbolt",
    "patio door", "basement door", "shed lock", "mudroom door", "smart lock", "gate lock",
)

_CLIMATE: tuple[str, ...] = (
    "thermostat", "downstairs thermostat", "upstairs thermostat", "heat pump",
    "air conditioner", "ac", "heating", "boiler", "mini split", "radiator", "nest",
    "ecobee", "bedroom ac", "office heater", "living room thermostat", "hvac",
    "floor heating", "wall unit", "central air", "climate control",
)

_MEDIA_PLAYERS: tuple[str, ...] = (
    "tv", "television", "living room tv", "bedroom tv", "kitchen speaker", "sonos", "echo",
    "soundbar", "stereo", "record player", "bedroom speaker", "chromecast", "apple tv",
    "roku", "projector", "office speaker", "bathroom speaker", "homepod", "kids tablet",
    "patio speakers", "shield", "fire stick", "google home", "nest mini", "receiver",
    "jukebox", "garage radio", "den tv", "basement projector", "bose speaker",
)

_VACUUMS: tuple[str, ...] = (
    "roomba", "robot vacuum", "vacuum", "upstairs vacuum", "roborock", "mop", "robot mop",
    "dreame", "deebot", "downstairs vacuum", "vacuum cleaner", "eufy",
)

_MOWERS: tuple[str, ...] = (
    "lawn mower", "robot mower", "automower", "mower", "front lawn mower", "back lawn mower",
    "husqvarna", "grass cutter",
)

_SCENES: tuple[str, ...] = (
    "movie night", "bedtime", "good morning", "dinner party", "reading mode", "romantic",
    "party mode", "relax", "focus", "wake up", "away", "cozy evening", "game night",
    "date night", "all off", "sunset", "bright", "nightlight", "cleaning mode", "holiday",
)

_SCRIPTS: tuple[str, ...] = (
    "morning routine", "goodnight routine", "leaving home", "arriving home", "feed the cat",
    "water the plants", "start the coffee", "lock up", "movie time", "wake the kids",
)

_BUTTONS: tuple[str, ...] = (
    "doorbell chime", "garage button", "reboot router", "restart nas", "identify",
    "find my phone", "panic button", "ring chime",
)

_SENSORS: tuple[str, ...] = (
    "basement humidity", "power usage", "energy consumption", "washing machine status",
    "air quality", "co2 level", "phone battery", "freezer temperature", "fridge temperature",
    "water usage", "solar production", "battery level", "pool temperature", "aquarium temperature",
    "radon level", "noise level", "printer ink", "car battery", "wine cellar temperature",
    "greenhouse humidity",
)

_BINARY_SENSORS: tuple[str, ...] = (
    "front door", "back window", "garage door", "motion sensor", "kitchen window", "mailbox",
    "basement water sensor", "smoke detector", "doorbell", "bedroom window", "patio door",
    "hallway motion", "leak sensor", "gate sensor",
)

PEOPLE: tuple[str, ...] = (
    "anna", "ben", "carlos", "diana", "emma", "felix", "grace", "hiro", "isabel", "jack",
    "kai", "lena", "marco", "nina", "omar", "priya", "quinn", "rosa", "sam", "tomas",
    "uma", "victor", "wei", "xavier", "yara", "zoe", "mom", "dad", "grandma", "grandpa",
    "aisha", "bjorn", "chen", "dmitri", "elena", "fatima", "george", "hannah", "ivan",
    "julia", "kofi", "liam", "maria", "noah", "olivia", "pedro", "sofia", "tariq", "yuki",
)

ZONES: tuple[str, ...] = (
    "work", "the office", "school", "the gym", "grandma's", "the store", "downtown",
    "the airport", "college", "the park", "the station", "church", "practice", "the lake house",
)

CITIES: tuple[str, ...] = (
    "london", "paris", "berlin", "madrid", "rome", "lisbon", "dublin", "amsterdam", "brussels",
    "vienna", "prague", "warsaw", "budapest", "athens", "istanbul", "moscow", "stockholm",
    "oslo", "copenhagen", "helsinki", "reykjavik", "zurich", "geneva", "munich", "hamburg",
    "milan", "naples", "barcelona", "valencia", "seville", "porto", "edinburgh", "glasgow",
    "manchester", "liverpool", "birmingham", "cardiff", "belfast", "lyon", "marseille",
    "nice", "new york", "los angeles", "chicago", "houston", "phoenix", "philadelphia",
    "san antonio", "san diego", "dallas", "austin", "san francisco", "seattle", "denver",
    "boston", "miami", "atlanta", "detroit", "minneapolis", "portland", "las vegas",
    "nashville", "new orleans", "salt lake city", "kansas city", "pittsburgh", "baltimore",
    "honolulu", "anchorage", "toronto", "montreal", "vancouver", "calgary", "ottawa",
    "quebec city", "mexico city", "guadalajara", "cancun", "havana", "bogota", "lima",
    "santiago", "buenos aires", "sao paulo", "rio de janeiro", "montevideo", "quito",
    "caracas", "tokyo", "osaka", "kyoto", "seoul", "busan", "beijing", "shanghai",
    "hong kong", "taipei", "singapore", "kuala lumpur", "bangkok", "hanoi",
    "ho chi minh city", "manila", "jakarta", "bali", "mumbai", "delhi", "bangalore",
    "chennai", "kolkata", "karachi", "lahore", "dhaka", "kathmandu", "colombo", "dubai",
    "abu dhabi", "doha", "riyadh", "tehran", "tel aviv", "jerusalem", "beirut", "amman",
    "cairo", "casablanca", "marrakesh", "tunis", "lagos", "accra", "nairobi", "addis ababa",
    "dar es salaam", "kampala", "johannesburg", "cape town", "durban", "sydney", "melbourne",
    "brisbane", "perth", "adelaide", "auckland", "wellington", "christchurch", "fiji",
    "anchorage", "tucson", "sacramento", "charlotte", "raleigh", "orlando", "tampa",
    "st louis", "cleveland", "columbus", "cincinnati", "indianapolis", "milwaukee",
    "oklahoma city", "albuquerque", "boise", "spokane", "reno", "omaha", "memphis",
    "louisville", "richmond", "buffalo", "hartford", "providence", "burlington", "bergen",
    "gothenburg", "malmo", "krakow", "gdansk", "bratislava", "ljubljana", "zagreb",
    "belgrade", "sofia", "bucharest", "tallinn", "riga", "vilnius", "kyiv", "tbilisi",
    "yerevan", "baku", "almaty", "tashkent", "ulaanbaatar", "home", "the cabin",
    "the beach house", "my town", "here",
)

TODO_LIST_NAMES: tuple[str, ...] = (
    "grocery", "groceries", "to do", "todo", "to-do", "chores", "packing", "hardware store",
    "costco", "christmas", "birthday", "work", "homework", "camping", "pharmacy",
    "books to read", "movies to watch", "gift ideas", "weekend", "errands", "garden",
    "party", "house projects", "honey do", "trip", "wedding", "school supplies",
    "reading", "bucket", "wish", "target", "farmers market", "baby", "moving", "office",
)

SHOPPING_ITEMS: tuple[str, ...] = (
    "milk", "eggs", "bread", "butter", "cheese", "yogurt", "apples", "bananas", "oranges",
    "lemons", "limes", "grapes", "strawberries", "blueberries", "avocados", "tomatoes",
    "potatoes", "onions", "garlic", "carrots", "celery", "spinach", "lettuce", "kale",
    "broccoli", "cauliflower", "cucumbers", "bell peppers", "mushrooms", "zucchini", "corn",
    "rice", "pasta", "spaghetti", "flour", "sugar", "brown sugar", "salt", "black pepper",
    "olive oil", "vegetable oil", "vinegar", "soy sauce", "ketchup", "mustard", "mayonnaise",
    "peanut butter", "jam", "honey", "maple syrup", "cereal", "oatmeal", "granola",
    "coffee", "coffee beans", "tea", "green tea", "orange juice", "apple juice",
    "sparkling water", "beer", "wine", "chicken breasts", "ground beef", "bacon", "sausages",
    "salmon", "tuna", "shrimp", "tofu", "ham", "turkey", "hot dogs", "frozen peas",
    "frozen pizza", "ice cream", "chocolate", "cookies", "crackers", "chips", "popcorn",
    "almonds", "walnuts", "raisins", "canned tomatoes", "black beans", "chickpeas", "lentils",
    "chicken stock", "tortillas", "bagels", "english muffins", "croissants", "cream cheese",
    "sour cream", "heavy cream", "whipped cream", "parmesan", "mozzarella", "cheddar",
    "baking soda", "baking powder", "yeast", "vanilla extract", "cinnamon", "paprika",
    "oregano", "basil", "cilantro", "parsley", "ginger", "dish soap", "laundry detergent",
    "fabric softener", "paper towels", "toilet paper", "tissues", "trash bags",
    "aluminum foil", "plastic wrap", "sponges", "bleach", "light bulbs", "batteries",
    "aa batteries", "toothpaste", "toothbrushes", "shampoo", "conditioner", "body wash",
    "deodorant", "razors", "sunscreen", "band-aids", "ibuprofen", "vitamins", "cotton swabs",
    "diapers", "baby wipes", "formula", "dog food", "cat food", "cat litter", "dog treats",
    "bird seed", "charcoal", "matches", "candles", "birthday candles", "napkins",
    "paper plates", "ziploc bags", "coffee filters", "hand soap", "sparkling wine",
    "pickles", "salsa", "hummus", "pita bread", "noodles", "ramen", "coconut milk",
    "almond milk", "oat milk", "protein bars", "energy drinks", "soda", "lemonade",
    "ice", "flowers", "a birthday card", "wrapping paper", "stamps", "printer paper",
    "lightbulbs for the hallway", "a new sponge", "two dozen eggs", "a bag of rice",
    "a loaf of sourdough", "three avocados", "a gallon of milk", "a pack of gum",
    "fresh basil", "greek yogurt", "blue cheese", "rotisserie chicken", "pork chops",
    "lamb", "steak", "cod", "mussels", "quinoa", "couscous", "bulgur", "chia seeds",
)

TODO_ITEMS: tuple[str, ...] = (
    "call the plumber", "pay rent", "water the plants", "take out the trash",
    "book a dentist appointment", "renew my license", "return the library books",
    "clean the gutters", "mow the lawn", "walk the dog", "buy a birthday present for mom",
    "email the landlord", "finish the report", "schedule an oil change", "fix the fence",
    "vacuum the stairs", "do the laundry", "clean the fridge", "sort the mail",
    "pick up the dry cleaning", "call grandma", "file taxes", "cancel the gym membership",
    "back up the laptop", "replace the smoke detector battery", "wash the car",
    "change the sheets", "pay the electric bill", "defrost the freezer", "paint the fence",
    "organize the garage", "study for the exam", "practice piano", "write thank you notes",
    "plan the party", "book flights", "pack the suitcase", "feed the fish", "clean the oven",
    "fold the laundry", "iron shirts", "update the resume", "call the vet",
    "refill the prescription", "charge the car", "clean the windows", "prune the roses",
    "donate old clothes", "recycle the bottles", "get a haircut", "send the invoice",
    "read chapter five", "finish the puzzle", "buy new shoes", "register for the race",
    "order contact lenses", "descale the kettle", "bleed the radiators", "check the tire pressure",
    "milk", "eggs", "bread", "batteries", "light bulbs", "sunscreen", "tent", "sleeping bag",
    "passport", "phone charger", "birthday cake", "balloons", "gift for dad",
)

TIMER_NAMES: tuple[str, ...] = (
    "pizza", "pasta", "eggs", "egg", "laundry", "tea", "cookies", "bread", "rice", "chicken",
    "roast", "turkey", "workout", "nap", "meditation", "homework", "parking", "oven",
    "potatoes", "cake", "steak", "brownies", "dryer", "washer", "sauna", "plank", "break",
    "study", "reading", "bath", "coffee", "french press", "soup", "muffins", "popcorn",
    "pomodoro", "screen time", "piano practice", "stretching", "dough", "marinade", "chili",
    "slow cooker", "sous vide", "salmon", "ribs", "kids", "bedtime", "cooking", "kitchen",
)

SEARCH_QUERIES: tuple[str, ...] = (
    "the beatles", "taylor swift", "jazz", "lo-fi beats", "bohemian rhapsody",
    "classical music", "beyonce", "miles davis", "kind of blue", "the rolling stones",
    "fleetwood mac", "rumours", "ed sheeran", "adele", "bach", "mozart", "chopin",
    "norah jones", "bob marley", "daft punk", "radiohead", "ok computer", "coldplay",
    "the weeknd", "drake", "kendrick lamar", "billie eilish", "dua lipa", "abba",
    "queen", "elton john", "frank sinatra", "ella fitzgerald", "nina simone", "david bowie",
    "pink floyd", "the dark side of the moon", "led zeppelin", "nirvana", "metallica",
    "ac dc", "bruce springsteen", "dolly parton", "johnny cash", "willie nelson",
    "country music", "hip hop", "reggae", "blues", "rock", "pop hits", "indie folk",
    "ambient music", "rain sounds", "white noise", "ocean waves", "chill vibes",
    "workout mix", "dinner jazz", "christmas songs", "kids songs", "lullabies",
    "top forty", "80s hits", "90s rock", "bossa nova", "salsa", "k-pop", "bts",
    "shakira", "bad bunny", "arctic monkeys", "the strokes", "vampire weekend",
    "this american life", "radiolab", "the daily", "serial", "freakonomics",
    "stuff you should know", "the news", "bbc radio 4", "npr", "jazz fm",
    "hamilton soundtrack", "frozen soundtrack", "star wars theme", "harry potter audiobook",
    "my discover weekly", "my liked songs", "focus playlist", "road trip playlist",
    "something relaxing", "something upbeat", "piano covers", "acoustic guitar",
    "hotel california", "imagine", "wonderwall", "purple rain", "thriller",
    "billie jean", "yesterday", "let it be", "clair de lune", "the four seasons",
)

MESSAGES: tuple[str, ...] = (
    "dinner is ready", "time to leave for school", "the movie is starting",
    "come downstairs please", "lights out in ten minutes",
)

_TIMER_COMMAND_VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("turn off the {}", _LIGHT_NOUNS + ("tv", "fan", "heater", "coffee maker")),
    ("turn on the {}", _LIGHT_NOUNS + ("fan", "heater", "sprinklers", "dishwasher")),
    ("close the {}", ("garage door", "blinds", "curtains", "gate")),
    ("open the {}", ("garage door", "blinds", "curtains", "gate")),
    ("pause the {}", ("music", "movie", "tv")),
    ("stop the {}", ("music", "vacuum", "sprinklers")),
    ("lock the {}", ("front door", "back door", "garage")),
)

DURATION_PHRASES: tuple[str, ...] = (
    "half an hour", "an hour and a half", "a quarter of an hour", "a minute and a half",
    "half a minute", "an hour", "a minute", "a couple of minutes", "a few minutes",
    "two and a half minutes", "three quarters of an hour",
)

WHEN_PHRASES: tuple[str, ...] = (
    "today", "tomorrow", "tonight", "this morning", "this afternoon", "this evening",
    "this weekend", "next week", "later", "later today", "right now", "tomorrow morning",
    "tomorrow night", "on the weekend", "over the next few days", "for the week",
)

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)

CONCEPTS: tuple[str, ...] = (
    "photosynthesis", "gravity", "inflation", "black holes", "the stock market", "democracy",
    "machine learning", "a neural network", "climate change", "the big bang", "evolution",
    "dna", "the immune system", "blockchain", "a mortgage", "compound interest", "entropy",
    "relativity", "quantum mechanics", "a recession", "the internet", "a sonnet", "irony",
    "stoicism", "existentialism", "the renaissance", "the french revolution", "the cold war",
    "socialism", "capitalism", "a haiku", "an api", "python", "javascript", "an algorithm",
    "the pythagorean theorem", "calculus", "a prime number", "pi", "the golden ratio",
    "osmosis", "plate tectonics", "a volcano", "the ozone layer", "a supernova",
    "dark matter", "the placebo effect", "cognitive dissonance", "mindfulness",
    "intermittent fasting", "a credit score", "an index fund", "a roth ira", "bitcoin",
    "the electoral college", "the supreme court", "a filibuster", "the gdp", "supply and demand",
    "impressionism", "cubism", "jazz", "opera", "the blues", "baroque music", "a sonata",
    "the scientific method", "an atom", "a molecule", "an enzyme", "a vaccine", "antibiotics",
    "a virus", "bacteria", "the mitochondria", "the water cycle", "the carbon cycle",
    "a leap year", "daylight saving time", "time zones", "the equinox", "a solar eclipse",
    "the northern lights", "a rainbow", "a hurricane", "el nino", "the jet stream",
    "a heat pump", "an electric motor", "a transistor", "wifi", "bluetooth", "a smart home",
    "a thermostat", "an led", "solar panels", "nuclear fusion", "a lithium battery",
)

CONCEPT_PAIRS: tuple[tuple[str, str], ...] = (
    ("a virus", "bacteria"), ("weather", "climate"), ("a crocodile", "an alligator"),
    ("affect", "effect"), ("stocks", "bonds"), ("a latte", "a cappuccino"),
    ("baking soda", "baking powder"), ("a tornado", "a hurricane"), ("ram", "storage"),
    ("a roth ira", "a traditional ira"), ("socialism", "communism"), ("a frog", "a toad"),
    ("jam", "jelly"), ("a lake", "a pond"), ("speed", "velocity"), ("a meteor", "a comet"),
    ("who", "whom"), ("ac", "dc"), ("an llc", "a corporation"), ("a moth", "a butterfly"),
    ("mass", "weight"), ("a psychologist", "a psychiatrist"), ("a violin", "a viola"),
    ("python", "java"), ("england", "great britain"), ("a clock", "a timer"),
)

PEOPLE_FAMOUS: tuple[str, ...] = (
    "albert einstein", "marie curie", "isaac newton", "ada lovelace", "alan turing",
    "cleopatra", "julius caesar", "napoleon", "abraham lincoln", "nelson mandela",
    "mahatma gandhi", "martin luther king", "frida kahlo", "leonardo da vinci",
    "michelangelo", "vincent van gogh", "pablo picasso", "william shakespeare",
    "jane austen", "charles dickens", "mark twain", "toni morrison", "gabriel garcia marquez",
    "homer", "plato", "aristotle", "confucius", "genghis khan", "queen victoria",
    "winston churchill", "amelia earhart", "neil armstrong", "galileo", "nikola tesla",
    "thomas edison", "charles darwin", "sigmund freud", "beethoven", "mozart",
    "the beatles", "serena williams", "pele", "muhammad ali", "steve jobs", "rosa parks",
    "joan of arc", "marco polo", "simon bolivar", "catherine the great", "hypatia",
)

HOWTO_TASKS: tuple[str, ...] = (
    "make sourdough bread", "tie a tie", "change a flat tire", "cook rice",
    "write a cover letter", "learn to code", "lose weight", "sleep better",
    "start a vegetable garden", "save money", "invest in stocks", "meditate",
    "get rid of fruit flies", "remove a wine stain", "unclog a drain", "fold a fitted sheet",
    "make friends as an adult", "negotiate a raise", "train a puppy", "brew kombucha",
    "fix a leaky faucet", "boil an egg", "make pancakes", "write a haiku", "learn guitar",
    "speak in public", "stop procrastinating", "get better at chess", "draw a cat",
    "back up my phone", "make cold brew", "clean a cast iron pan", "remember names",
    "calm down when anxious", "plan a road trip", "study for an exam", "knit a scarf",
    "grow tomatoes", "patch drywall", "make a budget", "apologize to a friend",
    "set up a fish tank", "wire a light switch", "pick a good watermelon", "juggle",
)

TOPICS: tuple[str, ...] = (
    "space travel", "the ocean", "dinosaurs", "artificial intelligence", "friendship",
    "the moon", "autumn", "a lost cat", "a robot who learns to love", "the city at night",
    "coffee", "pirates", "dragons", "time travel", "my grandmother", "the mountains",
    "a rainy day", "chess", "the olympics", "ancient egypt", "the roman empire", "jazz",
    "climate change", "social media", "video games", "electric cars", "the future",
    "a haunted house", "a talking dog", "summer vacation", "first love", "the stars",
    "the human brain", "bees", "octopuses", "cats", "dogs", "penguins", "the desert",
    "a lighthouse keeper", "a small bakery", "a detective", "a wizard", "the last tree on earth",
    "remote work", "tiny houses", "minimalism", "philosophy", "math", "poetry", "music",
)

DEVICE_NOUNS: tuple[str, ...] = (
    "light bulb", "thermostat", "microwave", "refrigerator", "television", "radio",
    "telephone", "vacuum cleaner", "air conditioner", "washing machine", "dishwasher",
    "smoke detector", "solar panel", "heat pump", "electric kettle", "induction stove",
    "lock", "garage door opener", "smart speaker", "robot vacuum", "ceiling fan", "toaster",
    "battery", "wifi router", "led", "fridge", "blender", "laser", "clock", "timer",
)

WEATHER_PHENOMENA: tuple[str, ...] = (
    "thunderstorms", "lightning", "hurricanes", "tornadoes", "snow", "hail", "fog",
    "rainbows", "monsoons", "droughts", "heat waves", "wind", "clouds", "frost", "tides",
    "earthquakes", "the seasons", "the northern lights", "acid rain", "smog",
)

COUNTRIES: tuple[str, ...] = (
    "france", "japan", "brazil", "canada", "kenya", "australia", "india", "mexico", "egypt",
    "norway", "peru", "vietnam", "germany", "italy", "spain", "portugal", "greece", "turkey",
    "iceland", "argentina", "chile", "south korea", "thailand", "morocco", "nigeria",
    "new zealand", "ireland", "scotland", "switzerland", "sweden", "poland", "ukraine",
)

LANGUAGES: tuple[str, ...] = (
    "spanish", "french", "german", "italian", "japanese", "mandarin", "portuguese",
    "korean", "arabic", "russian", "hindi", "dutch", "swedish", "greek", "turkish",
    "polish", "swahili", "latin", "hebrew", "vietnamese",
)

PHRASES: tuple[str, ...] = (
    "good morning", "thank you very much", "where is the train station", "i love you",
    "how much does this cost", "nice to meet you", "happy birthday", "excuse me",
    "the bill please", "i'm lost", "see you tomorrow", "cheers", "i don't understand",
    "can i have a coffee", "good night", "welcome", "congratulations",
)

MEDIA_KINDS: tuple[str, ...] = (
    "book", "novel", "movie", "documentary", "podcast", "tv series", "board game",
    "video game", "album", "anime", "comedy", "thriller", "mystery novel", "biography",
    "horror movie", "sci-fi book", "fantasy series", "poem", "cookbook", "history book",
)

MOODS: tuple[str, ...] = (
    "bored", "tired", "sad", "happy", "stressed", "lonely", "excited", "nervous", "hungry",
    "anxious", "sleepy", "grumpy", "overwhelmed", "curious", "confused", "proud",
)

FOODS: tuple[str, ...] = (
    "an avocado", "a banana", "a slice of pizza", "a glass of wine", "an egg", "a bagel",
    "a cup of rice", "a big mac", "a can of coke", "an apple", "a croissant",
    "a tablespoon of olive oil", "a bowl of oatmeal", "a beer", "a donut",
)

QUESTION_FACTS: tuple[str, ...] = (
    "the capital of {country}", "the population of {city}", "the tallest mountain in the world",
    "the longest river in africa", "the speed of light", "the biggest animal on earth",
    "the boiling point of water", "the distance to the moon", "the oldest city in the world",
    "the national dish of {country}", "the currency of {country}",
)

ALARM_NAMES: tuple[str, ...] = (
    "morning", "wake up", "work", "school", "gym", "weekend", "nap", "early", "backup", "second",
    "weekday", "sunday", "medication", "flight", "train", "first", "last", "daily", "six am", "snooze",
)

ALARM_DAYS: tuple[str, ...] = (
    "tomorrow", "tomorrow morning", "every day", "every weekday", "on weekdays", "on weekends", "tonight",
    "for tomorrow", "monday through friday", "every morning", "on saturday", "on sunday", "on monday",
    "for friday", "this weekend", "next week", "each day", "daily",
)

HOLIDAYS: tuple[str, ...] = (
    "christmas", "christmas eve", "new year's day", "new year's eve", "easter", "thanksgiving", "halloween",
    "valentine's day", "mother's day", "father's day", "labor day", "memorial day", "independence day",
    "the fourth of july", "st patrick's day", "boxing day", "hanukkah", "diwali", "my birthday",
    "the first day of spring", "the summer solstice", "good friday", "black friday", "groundhog day",
)

RELATIVE_DAYS: tuple[str, ...] = (
    "next {}", "this {}", "last {}", "the {} after next", "a week from {}", "two weeks from {}",
)

ROUND_NUMBERS: tuple[str, ...] = (
    "a hundred", "a thousand", "a million", "ten thousand", "half a million", "a billion", "a dozen",
    "two hundred", "fifty thousand", "one hundred and twenty",
)

ARITH_OPERATORS: tuple[str, ...] = (
    "plus", "minus", "times", "multiplied by", "divided by", "over", "x", "plus", "times", "minus",
    "divided by", "take away", "less",
)

ARITH_SYMBOLS: tuple[str, ...] = ("+", "-", "*", "/", "x")

FRACTIONS: tuple[str, ...] = (
    "a half", "one third", "two thirds", "a quarter", "three quarters", "one eighth", "three eighths",
    "five eighths", "seven eighths", "one fifth", "two fifths", "three fifths", "one sixth", "five sixths",
    "one tenth", "3/4", "2/3", "5/8", "1/3", "7/16", "9/10", "one sixteenth", "eleven twelfths",
)

MONEY_UNITS: tuple[str, ...] = ("dollars", "dollars", "bucks", "euros", "pounds", "francs", "rupees", "pesos")

UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "length": (
        ("millimeter", "millimeters"), ("centimeter", "centimeters"), ("meter", "meters"),
        ("kilometer", "kilometers"), ("inch", "inches"), ("foot", "feet"), ("yard", "yards"),
        ("mile", "miles"), ("nautical mile", "nautical miles"), ("cm", "cm"), ("km", "km"), ("mm", "mm"),
        ("light year", "light years"),
    ),
    "mass": (
        ("milligram", "milligrams"), ("gram", "grams"), ("kilogram", "kilograms"), ("kilo", "kilos"),
        ("ounce", "ounces"), ("pound", "pounds"), ("stone", "stone"), ("ton", "tons"), ("metric ton", "metric tons"),
        ("kg", "kg"), ("lb", "lbs"), ("carat", "carats"),
    ),
    "volume": (
        ("milliliter", "milliliters"), ("liter", "liters"), ("teaspoon", "teaspoons"), ("tablespoon", "tablespoons"),
        ("cup", "cups"), ("pint", "pints"), ("quart", "quarts"), ("gallon", "gallons"), ("fluid ounce", "fluid ounces"),
        ("cubic meter", "cubic meters"), ("ml", "ml"), ("cubic foot", "cubic feet"), ("shot", "shots"),
    ),
    "speed": (
        ("kilometer per hour", "kilometers per hour"), ("mile per hour", "miles per hour"),
        ("meter per second", "meters per second"), ("knot", "knots"), ("mph", "mph"), ("kph", "km/h"),
    ),
    "area": (
        ("square foot", "square feet"), ("square meter", "square meters"), ("acre", "acres"), ("hectare", "hectares"),
        ("square mile", "square miles"), ("square kilometer", "square kilometers"), ("square yard", "square yards"),
    ),
    "duration": (
        ("second", "seconds"), ("minute", "minutes"), ("hour", "hours"), ("day", "days"), ("week", "weeks"),
        ("month", "months"), ("year", "years"), ("millisecond", "milliseconds"), ("decade", "decades"),
    ),
    "data": (
        ("byte", "bytes"), ("kilobyte", "kilobytes"), ("megabyte", "megabytes"), ("gigabyte", "gigabytes"),
        ("terabyte", "terabytes"), ("bit", "bits"), ("megabit", "megabits"), ("gb", "gb"), ("mb", "mb"),
    ),
    "energy": (
        ("calorie", "calories"), ("kilocalorie", "kilocalories"), ("kilojoule", "kilojoules"), ("joule", "joules"),
        ("kilowatt hour", "kilowatt hours"), ("btu", "btus"),
    ),
    "pressure": (("psi", "psi"), ("bar", "bar"), ("kilopascal", "kilopascals"), ("atmosphere", "atmospheres")),
    "power": (("watt", "watts"), ("kilowatt", "kilowatts"), ("horsepower", "horsepower")),
}

TEMPERATURE_UNITS: tuple[str, ...] = ("celsius", "fahrenheit", "kelvin", "centigrade")

MEASURE_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "length": ("tall", "long", "far", "high", "wide", "deep", "much"),
    "mass": ("heavy", "much"),
    "volume": ("much", "big"),
    "speed": ("fast", "much"),
    "area": ("big", "large", "much"),
    "duration": ("long", "much"),
    "data": ("big", "much"),
    "energy": ("much",),
    "pressure": ("much",),
    "power": ("much", "powerful"),
}

NOTE_FACTS: tuple[str, ...] = (
    "the wifi password is {word}{number}", "the garage code is {pin}", "the plumber comes on {weekday}",
    "{person} owes me {money}", "I parked on level {small} spot {letter}{number}", "the spare key is under the {hiding}",
    "{person}'s flight lands at {clock}", "I left my {thing} in the {room}", "{person}'s birthday is {month} {day}",
    "the car needs an oil change at {number} thousand miles", "I took my medicine at {clock}",
    "the meeting moved to {weekday}", "{person} likes {food}", "the dentist appointment is {weekday} at {clock}",
    "an idea for a story about {topic}", "the recipe needs {small} cups of {item}", "I paid the {bill} bill",
    "the paint color for the {room} is {color}", "the bike lock combination is {pin}", "call {person} back about {topic}",
    "{item} is on sale at {store}", "the tv in the {room} is {number} inches", "the gate code is {pin}",
    "the babysitter's number is {phone}", "{person} is allergic to {food}", "the kids have a half day on {weekday}",
    "the locker number is {number}", "my shoe size is {small}", "the hotel confirmation number is {pin}{letter}",
    "the {room} window is {number} by {number} inches", "the dog's vet appointment is {month} {day}",
    "{person} recommended the book about {topic}", "the rent is due on the {ordinal}", "the filter size is {number}",
    "the water meter read {pin} today", "I lent my {thing} to {person}", "the trash goes out on {weekday} night",
    "buy a gift for {person} before {month} {day}", "the plant in the {room} needs water every {weekday}",
    "my seat is row {number} seat {letter}", "the printer model is {letter}{pin}", "{person} moved to {city}",
    "I ran {small} miles today", "we spent {money} on groceries this week", "the lawyer's name is {person}",
    "the table is {number} centimeters wide", "the tile grout color is {color}", "my blood pressure was {number} over {small}",
    "the warranty card is in the {room} drawer", "{person} can babysit on {weekday}", "try the {food} place on main street",
)

NOTE_WORDS: tuple[str, ...] = (
    "bluebird", "sunflower", "tiger", "maple", "harbor", "rocket", "pancake", "orchid", "falcon", "river", "marble",
    "comet", "willow", "mango", "pepper", "granite", "saturn", "violet",
)

NOTE_HIDING_PLACES: tuple[str, ...] = (
    "doormat", "flower pot", "third brick", "garden gnome", "porch light", "mailbox", "rock by the gate", "back step",
)

NOTE_THINGS: tuple[str, ...] = (
    "keys", "glasses", "wallet", "umbrella", "charger", "laptop", "headphones", "jacket", "drill", "ladder",
    "passport", "library card", "tupperware", "bike pump", "camera", "sunglasses", "tent", "book",
)

COLORS: tuple[str, ...] = (
    "sage green", "navy blue", "off white", "warm gray", "terracotta", "mustard yellow", "dusty pink", "charcoal",
    "eggshell", "teal", "olive", "cream", "forest green", "sky blue", "burgundy", "sand",
)

NOTE_TOPICS: tuple[str, ...] = (
    "the garage code", "the wifi", "parking", "the dentist", "the plumber", "groceries", "the party", "the meeting",
    "my passport", "the babysitter", "the car", "the vet", "the rent", "birthdays", "gift ideas", "the trip",
    "the recipe", "the paint color", "my medicine", "the kids' school", "the locker", "the hotel", "books",
    "the printer", "work", "the garden", "the lawyer", "the filter size", "my blood pressure", "the renovation",
)

STORES: tuple[str, ...] = (
    "costco", "target", "walmart", "trader joe's", "whole foods", "aldi", "the corner shop", "home depot",
    "ikea", "the farmers market", "safeway", "kroger", "lidl", "tesco",
)

BILLS: tuple[str, ...] = (
    "electric", "electricity", "water", "gas", "phone", "internet", "credit card", "car insurance", "cable",
    "trash", "heating", "mortgage", "daycare", "gym",
)

REMINDER_TASKS: tuple[str, ...] = (
    "call {person}", "check the oven", "take my pills", "take my medicine", "take the chicken out of the freezer",
    "move the laundry to the dryer", "pick up {person} from {zone}", "water the plants", "submit my timesheet",
    "leave for the airport", "feed the cat", "feed the dog", "charge my phone", "pay the {bill} bill",
    "buy {item}", "get {item}", "wish {person} happy birthday", "stretch", "drink some water", "stand up",
    "put the bins out", "lock the back door", "bring the umbrella", "bring my lunch", "send the invoice",
    "book a table for friday", "check the mail", "return the library books", "renew my passport",
    "cancel the free trial", "go to the bank", "take out the recycling", "get gas", "call the dentist",
    "email {person}", "text {person}", "walk the dog", "start dinner", "pick up the prescription",
    "turn off the sprinklers", "order more {item}", "back up my laptop", "check on {person}",
    "prepare for the meeting", "read chapter {small}", "practice guitar", "go to bed", "meditate",
    "take the cake out", "flip the steaks", "stir the soup", "move the car", "feed the fish",
    "put on sunscreen", "check the tire pressure", "pack the lunches", "sign the permission slip",
    "look at the budget", "call the insurance company", "register for the race", "check the laundry",
)

REMINDER_TIMES: tuple[str, ...] = (
    "at {clock}", "in {duration}", "{when}", "on {weekday}", "tomorrow at {clock}", "{weekday} at {clock}",
    "every {weekday}", "every morning", "tonight at {clock}", "when I get home", "at noon", "before I leave",
    "this evening", "in the morning", "after lunch", "next {weekday}", "on {month} {day}", "every day at {clock}",
    "in an hour", "later", "tomorrow", "at the end of the day", "first thing tomorrow", "on the first of the month",
)

ASSISTANT_PARTS: tuple[str, ...] = (
    "speech recognition model", "speech model", "speech to text model", "whisper model", "transcription model",
    "voice", "text to speech", "tts engine", "voice model", "language model", "llm", "chat model",
    "embedding model", "embedder", "intent classifier", "classifier", "intent model", "wake word detector",
    "voice activity detector", "vad", "router", "small model", "big model", "fallback model",
    "knowledge base index", "vector store", "audio pipeline", "speech engine", "local model", "onnx runtime",
    "reasoning model", "search index", "synthesizer", "recognizer",
)

RESOURCES: tuple[str, ...] = (
    "memory", "ram", "cpu", "disk space", "storage", "gpu", "battery", "power", "processing power", "cpu time",
    "swap", "vram", "bandwidth", "threads",
)

HARDWARE: tuple[str, ...] = (
    "a gpu", "the cpu", "a raspberry pi", "my laptop", "this phone", "an arm chip", "a server", "the cloud",
    "this computer", "a jetson", "an npu", "integrated graphics",
)

DOC_KINDS: tuple[str, ...] = (
    "lease", "rental agreement", "contract", "employment contract", "job offer letter", "nda", "user manual",
    "manual", "owner's manual", "instruction manual", "handbook", "employee handbook", "insurance policy",
    "policy document", "warranty", "report", "annual report", "quarterly report", "lab report", "research paper",
    "paper", "article", "thesis", "dissertation", "whitepaper", "pdf", "spreadsheet", "invoice", "receipt",
    "bank statement", "tax return", "tax documents", "emails", "email thread", "meeting notes", "meeting minutes",
    "lecture notes", "class notes", "presentation", "slides", "slide deck", "recipe collection", "cookbook",
    "medical records", "lab results", "doctor's letter", "discharge papers", "terms and conditions", "syllabus",
    "textbook", "textbook chapter", "ebook", "proposal", "grant proposal", "project plan", "journal", "diary",
    "transcript", "memo", "newsletter", "brochure", "mortgage agreement", "loan agreement", "purchase agreement",
    "will", "hoa bylaws", "school handbook", "travel itinerary", "court documents", "patent", "spec sheet",
    "datasheet", "service manual", "assembly instructions", "board minutes", "style guide", "documentation",
    "api docs", "study notes", "interview notes", "research notes", "case file", "policy manual", "prospectus",
)

DOC_ADDED: tuple[str, ...] = (
    "I uploaded", "I added", "I saved", "I imported", "I gave you", "I shared with you", "I scanned",
    "I dropped in", "I added yesterday", "I uploaded last week", "in my library", "in my files",
    "I put in the knowledge base", "I sent you", "from last month", "I indexed", "I attached",
)

DOC_SUBJECTS: tuple[str, ...] = (
    "solar panels", "the new office", "our kitchen remodel", "heat pumps", "the merger", "climate risk",
    "sleep apnea", "my car", "the apartment", "the budget", "the marketing plan", "q3 sales", "the trip to japan",
    "the wedding", "my pension", "the project timeline", "machine learning", "the vaccine trial", "soil quality",
    "the school district", "the roof repair", "our health insurance", "the product launch", "battery chemistry",
    "the new hire onboarding", "the data migration", "my mortgage", "the garden design", "the court case",
    "the clinical study", "the customer survey", "supply chain delays", "the security audit", "my knee surgery",
    "the hoa rules", "the new curriculum", "water quality", "the fundraiser", "electric vehicles", "the rebrand",
)

DOC_TOPICS: tuple[str, ...] = (
    "pets", "subletting", "the security deposit", "early termination", "the notice period", "rent increases",
    "parking", "late fees", "overtime", "vacation days", "sick leave", "the non-compete clause",
    "the warranty period", "returns", "the deductible", "water damage", "the reset procedure", "error codes",
    "cleaning the filter", "replacing the battery", "the payment terms", "the delivery date", "liability",
    "renewal", "cancellation", "the budget", "the timeline", "the conclusion", "the methodology",
    "the sample size", "the key findings", "the recommendations", "the risks", "the deadline", "side effects",
    "the dosage", "the grading policy", "office hours", "the refund policy", "maintenance", "the default password",
    "firmware updates", "the maximum load", "tire pressure", "the oil type", "the service interval",
    "remote work", "expenses", "the probation period", "bonuses", "stock options", "confidentiality",
    "guests", "smoking", "noise", "repairs", "insurance requirements", "the signing date", "penalties",
    "the interest rate", "prepayment", "the limitations", "future work", "the revenue numbers", "hiring",
    "data retention", "the dress code", "attendance", "parental leave", "the exit clause", "who pays utilities",
)

DOC_QUESTIONS: tuple[str, ...] = (
    "who signed the contract", "when does the lease end", "how much is the monthly rent", "what's the policy number",
    "who is the landlord", "what's the account number", "when is the next payment due", "how many vacation days do I get",
    "what was the total on the invoice", "how long is the warranty", "what did the authors conclude",
    "what's the deadline for the project", "who attended the meeting", "what was decided about the budget",
    "what dosage was prescribed", "what's my deductible", "what's the model number", "what's the cancellation fee",
    "how long is the notice period", "what interest rate did we agree on", "when does the insurance renew",
    "what was revenue last quarter", "what temperature should I wash it at", "who is responsible for repairs",
    "what's the penalty for breaking the lease", "how many participants were in the study", "what's my employee id",
    "which dataset did they use", "what is the serial number", "when was the last service", "who is the beneficiary",
    "what are the action items", "how much was the deposit", "what's the reference number", "who is my case worker",
    "what did the doctor recommend", "when is the final exam", "what's the weight limit", "how do I claim the refund",
    "what are the side effects", "who owns the copyright", "what's the grace period", "how often should it be serviced",
)

KB_PLACES: tuple[str, ...] = (
    "my documents", "my files", "my pdfs", "my knowledge base", "my library", "my uploads", "the documents I added",
    "the files I uploaded", "my saved articles", "my docs", "my document folder", "my archive", "my papers",
    "my imported emails", "my manuals", "my contracts", "my research folder", "the stuff I uploaded",
    "my personal documents", "the papers I saved", "my scanned documents", "my notes from class", "my meeting notes",
)

APPLIANCES: tuple[str, ...] = (
    "router", "dishwasher", "washing machine", "dryer", "thermostat", "espresso machine", "coffee maker",
    "printer", "camera", "car", "bike", "lawn mower", "treadmill", "furnace", "water heater", "air purifier",
    "robot vacuum", "oven", "microwave", "fridge", "tv", "soundbar", "drill", "sewing machine", "3d printer",
    "heat pump", "baby monitor", "car seat", "stroller", "instant pot", "blender", "smart lock",
    "garage door opener", "e-bike", "boiler", "generator", "pressure washer", "kayak", "drone", "piano",
)

MANUAL_TASKS: tuple[str, ...] = (
    "reset it", "reset it to factory settings", "descale it", "change the filter", "pair it with my phone",
    "clean the filter", "update the firmware", "set the clock", "replace the battery", "fix error e4",
    "change the oil", "calibrate it", "install it", "connect it to wifi", "clear a paper jam", "adjust the chain",
    "change the blade", "program it", "defrost it", "turn off the child lock", "replace the bulb",
    "set up the schedule", "empty the water tank", "bleed the system", "winterize it", "check the fluid level",
    "mount it on the wall", "fold it", "install the car seat base", "sharpen the blade", "enable eco mode",
)

MANUAL_TOPICS: tuple[str, ...] = (
    "error codes", "the reset button", "cleaning", "the warranty", "the filter", "maintenance", "the battery",
    "safety warnings", "installation", "the blinking red light", "storage in winter", "the water pressure",
    "recommended settings", "troubleshooting", "spare parts", "the weight limit", "the power consumption",
    "the eco mode", "descaling", "pairing", "the child lock", "noise", "the display codes", "the drain pump",
)

CONTACTS: tuple[str, ...] = (
    "mom", "dad", "my wife", "my husband", "my boss", "my sister", "my brother", "my mom", "my dad", "the office",
    "the doctor", "my dentist", "my landlord", "the plumber", "my babysitter", "grandma", "uncle joe", "aunt mary",
    "my best friend", "my girlfriend", "my boyfriend", "the school", "dr patel", "john", "sarah", "mike", "jessica",
    "david", "emily", "chris", "ashley", "kevin", "laura", "my son", "my daughter", "the vet", "my partner",
    "my coworker", "the pizza place", "customer service", "my neighbor", "my team", "my mechanic", "the hotel",
) + PEOPLE

MESSAGE_BODIES: tuple[str, ...] = (
    "I'm running late", "I'll be home in 20 minutes", "dinner is at 7", "happy birthday", "I love you",
    "can you pick up the kids", "the meeting is cancelled", "call me back", "I'm on my way", "I'm sick today",
    "thanks for yesterday", "let's meet at the cafe", "the package arrived", "I'll be there at 6",
    "don't wait up", "good luck today", "where are you", "the game starts at 8", "I landed safely",
    "can we move our call to tomorrow", "I left the keys under the mat", "see you soon", "congrats on the new job",
    "I'm stuck in traffic", "I won't make it tonight", "the report is done", "bring wine", "miss you",
)

CALL_APPS: tuple[str, ...] = (
    "whatsapp", "facetime", "skype", "zoom", "teams", "signal", "my cell", "speaker", "video", "google meet",
)

MESSAGE_APPS: tuple[str, ...] = (
    "whatsapp", "signal", "telegram", "messenger", "imessage", "slack", "teams", "sms", "discord", "wechat",
)

ONLINE_STORES: tuple[str, ...] = (
    "amazon", "ebay", "walmart", "target", "best buy", "etsy", "instacart", "ikea", "the apple store", "wayfair",
    "aliexpress", "zalando", "chewy", "home depot online", "costco online",
)

PRODUCTS: tuple[str, ...] = (
    "printer ink", "a phone charger", "new headphones", "a yoga mat", "dog food", "paper towels", "running shoes",
    "a new laptop", "batteries", "a coffee grinder", "a desk lamp", "a phone case", "light bulbs",
    "a book on gardening", "vitamins", "socks", "a birthday present for my niece", "a new vacuum",
    "a winter coat", "an hdmi cable", "more toner", "a baby gate", "a bike helmet", "a standing desk",
    "replacement filters", "a tent", "a gift card", "concert tickets", "a water bottle", "cat litter",
)

FOOD_ORDERS: tuple[str, ...] = (
    "a pizza", "a large pepperoni pizza", "sushi", "thai food", "chinese takeout", "a burger", "tacos",
    "indian food", "a salad", "breakfast", "pad thai", "ramen", "fried chicken", "a coffee", "dinner",
    "lunch for the office", "two margheritas", "a poke bowl", "pho", "a burrito", "wings", "dim sum",
)

RESTAURANTS: tuple[str, ...] = (
    "dominos", "pizza hut", "uber eats", "doordash", "grubhub", "deliveroo", "mcdonalds", "starbucks",
    "chipotle", "the thai place", "subway", "kfc", "five guys", "the sushi place downtown", "nando's",
    "olive garden", "the italian place on main street", "panera", "taco bell", "wagamama",
)

BOOKINGS: tuple[str, ...] = (
    "a flight to {city}", "a hotel in {city}", "a table for {small} at {restaurant}", "a table for two tonight",
    "a haircut", "train tickets to {city}", "concert tickets", "movie tickets for tonight",
    "a rental car in {city}", "an airbnb in {city}", "a taxi for {clock}", "a massage", "a campsite",
    "a room for the weekend", "two seats for the show", "a tee time", "a tennis court", "a cabin near {city}",
    "a bus ticket to {city}", "a ferry to the island", "a doctor's appointment", "a spa day", "a window seat",
)

PLACES_TO_GO: tuple[str, ...] = (
    "the nearest gas station", "the airport", "{city}", "the closest pharmacy", "work", "home",
    "the nearest coffee shop", "the hospital", "the mall", "{person}'s house", "the train station",
    "the nearest ev charger", "a parking garage", "the beach", "123 main street", "downtown", "the stadium",
    "the nearest atm", "the zoo", "ikea", "the post office", "the dentist", "the closest supermarket",
    "the nearest hardware store", "the vet", "the city center", "the ferry terminal", "my hotel",
)

POINTS_OF_INTEREST: tuple[str, ...] = (
    "gas station", "pharmacy", "atm", "coffee shop", "hospital", "parking lot", "ev charger", "grocery store",
    "restaurant", "bakery", "hardware store", "urgent care", "pizza place", "car wash", "bike shop", "bar",
    "playground", "post office", "bank", "gym", "library", "bus stop", "taxi stand",
)

MUSIC_SERVICES: tuple[str, ...] = (
    "spotify", "apple music", "youtube music", "pandora", "tidal", "deezer", "soundcloud", "amazon music",
    "youtube", "audible", "bandcamp", "iheartradio",
)

VIDEO_SERVICES: tuple[str, ...] = (
    "netflix", "hulu", "disney plus", "hbo max", "prime video", "youtube", "twitch", "peacock", "paramount plus",
    "apple tv plus", "crunchyroll",
)

SHOWS: tuple[str, ...] = (
    "stranger things", "the office", "the crown", "breaking bad", "friends", "the latest marvel movie",
    "a cooking show", "the mandalorian", "bluey", "squid game", "the last of us", "a documentary about sharks",
    "the bear", "ted lasso", "peppa pig", "succession", "a funny movie", "the world cup highlights",
    "my watchlist", "the new season of the witcher", "planet earth", "a horror movie",
)

SOCIAL_NETWORKS: tuple[str, ...] = (
    "twitter", "x", "facebook", "instagram", "tiktok", "linkedin", "reddit", "snapchat", "threads",
    "mastodon", "bluesky", "pinterest", "youtube",
)

SOCIAL_POSTS: tuple[str, ...] = (
    "this photo", "that I got the job", "a picture of my dog", "my vacation photos", "happy new year",
    "that I'm at the beach", "this video", "a status update", "the sunset picture", "my new haircut",
    "that we got engaged", "a link to my blog", "my marathon time", "our baby's first steps", "this recipe",
    "that the bakery is open", "a story", "this meme", "my review of the movie",
)

COMPANIES: tuple[str, ...] = (
    "apple", "tesla", "google", "amazon", "microsoft", "nvidia", "netflix", "meta", "coca cola", "disney",
    "ford", "boeing", "nike", "intel", "amd", "walmart", "samsung", "toyota", "spotify", "uber", "shell",
    "alphabet", "berkshire hathaway", "the s&p 500", "the nasdaq", "the dow", "the ftse", "the dax", "my stocks",
)

SPORTS_TEAMS: tuple[str, ...] = (
    "lakers", "yankees", "patriots", "man united", "real madrid", "warriors", "cowboys", "barcelona",
    "liverpool", "celtics", "dodgers", "arsenal", "chiefs", "chelsea", "red sox", "knicks", "packers",
    "bayern", "juventus", "cubs", "giants", "maple leafs", "all blacks", "bulls", "eagles", "psg", "mets",
)

NEWS_TOPICS: tuple[str, ...] = (
    "the election", "the economy", "tech", "sports", "science", "the stock market", "local", "the hurricane",
    "the world cup", "the war", "politics", "the strike", "the wildfires", "the olympics", "crypto",
    "the supreme court", "climate", "business", "health", "the royal family", "the trial", "world",
)

CRYPTO: tuple[str, ...] = ("bitcoin", "ethereum", "dogecoin", "solana", "litecoin", "crypto", "xrp")

CURRENCY_PAIRS: tuple[str, ...] = (
    "dollar to euro", "pound to dollar", "yen to dollar", "euro to pound", "dollars and pesos", "the euro",
    "the canadian dollar", "the yuan", "the swiss franc", "rupees to dollars",
)

LOCAL_BUSINESSES: tuple[str, ...] = (
    "the hardware store", "the post office", "the pharmacy", "costco", "target", "the library", "the dmv",
    "the bank", "the mall", "the dry cleaner", "the farmers market", "the bakery on main street",
    "the apple store", "home depot", "trader joe's", "the pool", "the museum", "the vet",
)

PAYMENT_APPS: tuple[str, ...] = ("venmo", "paypal", "zelle", "cash app", "apple pay", "revolut", "wise")

WEB_QUERIES: tuple[str, ...] = (
    "cheap flights to {city}", "reviews of the new iphone", "plumbers near me", "restaurants open now",
    "the best vacuum cleaner", "houses for sale in {city}", "jobs in {city}", "the lyrics to {song}",
    "{person_famous}'s latest interview", "used cars under 10000", "concerts this weekend",
    "the cheapest gas nearby", "train times to {city}", "what people are saying about {company}",
)

PROGRAMMING_LANGUAGES: tuple[str, ...] = (
    "python", "javascript", "typescript", "java", "c", "c++", "c sharp", "go", "rust", "ruby", "php", "swift",
    "kotlin", "bash", "sql", "r", "scala", "haskell", "lua", "perl", "dart", "elixir", "matlab", "powershell",
)

CODE_ARTIFACTS: tuple[str, ...] = (
    "function", "script", "program", "class", "method", "module", "command line tool", "web server", "rest api",
    "recursive function", "react component", "generator", "decorator", "service", "library", "cli", "lambda",
)

CODE_TASKS: tuple[str, ...] = (
    "reverses a linked list", "checks if a string is a palindrome", "finds duplicates in a list",
    "merges two sorted arrays", "parses a csv file", "sorts a list of dictionaries by date",
    "counts word frequencies in a text file", "validates an email address", "implements binary search",
    "removes duplicates from an array", "flattens a nested list", "reads a json file and prints the keys",
    "downloads a web page", "finds the longest common substring", "computes the fibonacci sequence",
    "detects a cycle in a graph", "implements an lru cache", "rate limits api calls",
    "resizes all images in a folder", "renames files by their creation date", "scrapes headlines from a website",
    "generates random passwords", "finds the median of two sorted arrays", "checks for balanced parentheses",
    "tokenizes a sentence", "serializes a binary tree", "backs up a directory to s3", "monitors disk usage",
    "retries a request with exponential backoff", "parses command line arguments", "merges overlapping intervals",
    "implements quicksort", "transposes a matrix", "groups anagrams together", "finds the shortest path in a grid",
    "converts roman numerals to integers", "deduplicates rows in a database table", "uploads files to a server",
    "sends an alert when a website goes down", "solves sudoku", "implements a simple tokenizer",
    "watches a folder for new files", "encrypts a file with aes", "builds a simple chat server",
    "pulls data from an api and saves it to a database", "calculates the levenshtein distance",
)

ALGORITHMS: tuple[str, ...] = (
    "quicksort", "merge sort", "dijkstra's algorithm", "a binary search tree", "a linked list", "a hash map",
    "an lru cache", "a trie", "breadth first search", "a red black tree", "a priority queue", "a bloom filter",
    "topological sort", "the a star algorithm", "union find", "a min heap", "the knapsack problem",
    "k means clustering", "a neural network from scratch", "a rate limiter", "consistent hashing",
)

CODE_PROBLEMS: tuple[str, ...] = (
    "a null pointer exception", "an index out of range error", "a segmentation fault", "a memory leak",
    "an infinite loop", "a race condition", "a key error", "a type error", "a syntax error", "an off by one error",
    "a deadlock", "a stack overflow", "a cors error", "a 500 error", "a failing test", "undefined is not a function",
    "an import error", "a timeout", "a merge conflict", "a build failure", "a slow query", "a flaky test",
)

APP_KINDS: tuple[str, ...] = (
    "a todo app", "an online bookstore", "a ride sharing service", "a chat app", "a library system",
    "a hotel booking site", "a url shortener", "a recipe website", "a parking garage", "a school gradebook",
    "an inventory system", "a social network", "a food delivery app", "a blog", "a fitness tracker",
)

LONG_WRITINGS: tuple[str, ...] = (
    "an email", "a letter", "a formal letter", "a complaint", "a cover letter", "a resignation letter",
    "a thank you letter", "a recommendation letter", "a proposal", "a memo", "a press release", "a blog post",
    "an apology letter", "a reference letter", "a message", "a polite email", "a strongly worded letter",
    "a follow up email", "a project update", "a newsletter", "a linkedin post", "a complaint email",
    "an announcement", "a report", "a letter of intent", "a grant application", "a statement",
)

RECIPIENTS: tuple[str, ...] = (
    "my landlord", "my boss", "my team", "a client", "my professor", "the school", "my neighbor", "hr",
    "the city council", "customer support", "my insurance company", "a recruiter", "my coworkers", "the hoa",
    "my kid's teacher", "my bank", "the airline", "investors", "my tenants", "the editor", "my manager",
    "the principal", "my doctor", "the board", "a hiring manager", "my contractor", "the utility company",
)

ISSUES: tuple[str, ...] = (
    "the broken heater", "a late payment", "my vacation request", "a refund for a damaged order",
    "the noise upstairs", "asking for a raise", "the project delay", "a leaking roof", "canceling my subscription",
    "a billing error", "extending the deadline", "the parking situation", "moving out early",
    "switching to remote work", "a missed delivery", "the new policy", "my resignation", "a job offer",
    "a scheduling conflict", "the rent increase", "mold in the bathroom", "a lost package", "a wrong charge",
    "the budget overrun", "my sick leave", "a delayed flight", "the broken dishwasher", "our partnership",
)

STORY_KINDS: tuple[str, ...] = (
    "short story", "story", "bedtime story", "fairy tale", "poem", "long poem", "sonnet", "ballad", "song",
    "screenplay", "scene", "fable", "mystery story", "sci-fi story", "horror story", "love story",
    "children's book", "epic poem", "monologue", "dialogue", "adventure story", "ghost story", "novel chapter",
    "comic script", "play", "short film script", "rap song",
)

ESSAY_TOPICS: tuple[str, ...] = (
    "the impact of social media on teenagers", "whether homework should be banned", "the causes of the first world war",
    "renewable energy", "universal basic income", "the ethics of artificial intelligence", "remote work",
    "the importance of sleep", "climate policy", "space exploration", "school uniforms", "the four day work week",
    "nuclear power", "the history of jazz", "fast fashion", "free college tuition", "animal testing",
    "the role of museums", "voting age", "public transport", "gene editing", "privacy online",
    "the legacy of the roman empire", "why reading fiction matters", "minimum wage", "video games and violence",
)

JOBS: tuple[str, ...] = (
    "junior developer", "data analyst", "nurse", "teacher", "marketing manager", "barista", "project manager",
    "graphic designer", "accountant", "software engineer", "sales associate", "research assistant",
    "product manager", "electrician", "chef", "ux designer", "customer success", "paralegal", "lab technician",
)

OCCASIONS: tuple[str, ...] = (
    "my best friend's wedding", "my dad's retirement", "my sister's graduation", "my grandmother's funeral",
    "the company holiday party", "our tenth anniversary", "my brother's wedding", "a colleague's farewell",
    "my daughter's bat mitzvah", "the team offsite", "a charity gala", "my parents' fortieth anniversary",
)

DECISION_PAIRS: tuple[tuple[str, str], ...] = (
    ("renting", "buying a house"), ("leasing", "buying a car"), ("a roth ira", "a 401k"), ("react", "vue"),
    ("postgres", "mongodb"), ("freelancing", "a full time job"), ("an electric car", "a hybrid"),
    ("living in the city", "living in the suburbs"), ("public school", "private school"),
    ("a mac", "a windows laptop"), ("solar panels", "a heat pump"), ("paying off debt", "investing"),
    ("microservices", "a monolith"), ("grad school", "getting a job"), ("kubernetes", "plain virtual machines"),
    ("an iphone", "an android phone"), ("index funds", "individual stocks"), ("a gas stove", "an induction cooktop"),
    ("moving abroad", "staying home"), ("working from home", "going to the office"), ("aws", "azure"),
    ("sql", "nosql"), ("nuclear energy", "solar"), ("a fixed rate mortgage", "a variable rate"),
    ("homeschooling", "traditional school"), ("a startup", "a big company"), ("trains", "flying"),
    ("a dog", "a cat"), ("a 15 year", "a 30 year mortgage"), ("rust", "go"), ("self publishing", "a publisher"),
)

PROCESS_CLAUSES: tuple[str, ...] = (
    "how public key cryptography works", "how a compiler works", "how the tcp handshake works",
    "how the immune system fights a virus", "how a bill becomes a law", "how mortgage amortization works",
    "how neural networks learn", "how a blockchain works", "how dns resolution works", "how a jet engine works",
    "how the fed controls inflation", "how garbage collection works", "how photosynthesis works", "how https works",
    "how git rebase works", "how a nuclear reactor works", "how vaccines are developed",
    "how a search engine ranks pages", "how gps works", "how the heart pumps blood", "how oauth works",
    "how a database index works", "how docker containers work", "how transformers work in machine learning",
    "the krebs cycle", "how income tax brackets work", "how compound interest builds up over time",
    "how an operating system schedules processes", "how a car engine works", "how crispr works",
    "how the electoral college works", "how a refrigerator works", "how a 3d printer builds an object",
    "the causes of the 2008 financial crisis", "how to set up a home network", "how to file taxes as a freelancer",
    "how to train a neural network", "how to build a website from scratch", "how to start a small business",
)

PLANS: tuple[str, ...] = (
    "a {small} day trip to {city}", "a {small} week workout plan to build strength", "a study plan for {subject}",
    "a monthly budget for a family of four", "a vegetarian meal plan for the week", "a marketing plan for my bakery",
    "a birthday party for a seven year old", "a wedding timeline", "a training plan for a half marathon",
    "an itinerary for {small} days in {country}", "a project plan for launching an app", "a moving checklist",
    "a weekly cleaning schedule", "a road trip along the coast", "a reading list for the summer",
    "a plan to pay off my credit card debt", "a lesson plan about volcanoes", "a business plan for a food truck",
    "a garden layout for a small backyard", "a honeymoon in {country}", "a savings plan for a house deposit",
    "an onboarding plan for new hires", "a product roadmap for next year", "a weekend in {city}",
)

SUBJECTS: tuple[str, ...] = (
    "linear algebra", "organic chemistry", "the bar exam", "the sat", "spanish", "machine learning",
    "statistics", "world history", "the gre", "music theory", "calculus", "a coding bootcamp", "biology",
    "the driving test", "accounting", "japanese", "the aws certification", "the mcat",
)

PUZZLES: tuple[str, ...] = (
    "three boxes are labelled apples, oranges and mixed but every label is wrong",
    "a farmer needs to cross a river with a wolf, a goat and a cabbage",
    "on an island of knights and knaves two people make statements about each other",
    "two trains leave cities 300 miles apart at different speeds, when do they meet",
    "how many handshakes happen if 12 people each shake hands with everyone once",
    "the monty hall problem, should I switch doors", "twelve coins and one is counterfeit, find it in three weighings",
    "four people need to cross a bridge at night with one torch", "a bat and a ball cost 1.10 in total",
    "I have two children and one is a boy born on a tuesday", "the zebra puzzle with five houses",
    "a snail climbs three feet a day and slides back two", "there are 100 prisoners and 100 boxes",
    "find the next number in the sequence 2 6 12 20 30", "a clock's hands overlap, how many times a day",
    "three light switches control one bulb upstairs", "the missionaries and cannibals river crossing",
    "if five machines make five widgets in five minutes, how long do 100 machines take for 100 widgets",
)

THEOREMS: tuple[str, ...] = (
    "the square root of 3 is irrational", "there are infinitely many primes",
    "the angles of a triangle add up to 180 degrees", "the halting problem is undecidable",
    "a tree with n nodes has n minus 1 edges", "the sum of the first n odd numbers is n squared",
    "every integer greater than 1 has a prime factorization", "there is no largest even number",
    "the derivative of sine is cosine", "the harmonic series diverges", "root 5 is not rational",
)

LONG_TEXT_SENTENCES: tuple[str, ...] = (
    "thank you for your message and for your patience over the last few weeks.",
    "our team will be closed from the twentieth of december until the third of january.",
    "please make sure that all documents are signed and returned before the end of the month.",
    "the museum opens at nine in the morning and guided tours start every hour.",
    "we would love for you and your family to join us for dinner next saturday.",
    "unfortunately the shipment was delayed because of the storm and will arrive next week.",
    "the apartment has two bedrooms, a small balcony and a view of the park.",
    "I have been learning the language for two years and I still struggle with the verbs.",
    "the conference will cover recent advances in renewable energy and storage.",
    "if you have any questions about the new schedule, do not hesitate to contact me.",
    "the recipe calls for fresh tomatoes, garlic and a generous amount of olive oil.",
    "after a long discussion the committee decided to postpone the vote.",
    "the hotel is located a short walk from the old town and the main station.",
    "my grandmother grew up in a small village near the sea and often tells stories about it.",
    "we are writing to let you know that your subscription will renew automatically.",
    "the children spent the whole afternoon building a sandcastle on the beach.",
)

COMPLEX_HELP_TASKS: tuple[str, ...] = (
    "write an email to my boss", "draft a complaint letter", "plan my week", "prepare for a job interview",
    "outline an essay", "write a wedding toast", "make a workout plan", "plan a trip to italy",
    "improve my resume", "write a product description", "write a thank you note to my team",
    "negotiate my salary", "structure my thesis", "write a business plan", "design a database for my shop",
    "draft a speech for my sister's wedding", "write a grant proposal", "prepare a presentation on our results",
    "plan a surprise party", "write my personal statement", "put together a marketing strategy",
    "write a script for a youtube video", "analyze my monthly spending", "study for the finals",
)

CHAT_HELP_TASKS: tuple[str, ...] = (
    "come up with a name for my band", "pick a gift for my dad", "brainstorm dinner ideas", "learn some french",
    "practice my spanish", "fix this sentence", "name my new puppy", "decide what to watch tonight",
    "choose a laptop", "find a synonym for happy", "pick a color for the living room", "think of a fun weekend plan",
)

SHORT_CREATIONS: tuple[str, ...] = (
    "haiku", "limerick", "riddle", "pun", "one liner", "joke", "knock knock joke", "tongue twister", "short rhyme",
)

SUPERLATIVES: tuple[str, ...] = (
    "tallest", "largest", "biggest", "smallest", "longest", "oldest", "deepest", "fastest", "hottest", "coldest",
    "most populous", "highest", "shortest", "most expensive", "most visited", "driest", "wettest", "heaviest",
)

TRIVIA_THINGS: tuple[str, ...] = (
    "building", "mountain", "river", "lake", "country", "city", "ocean", "desert", "animal", "bird", "tree",
    "waterfall", "island", "bridge", "volcano", "planet", "language", "university", "stadium", "forest", "cave",
    "dinosaur", "fish", "flower", "snake", "insect", "glacier", "museum", "train", "cathedral",
)

LANDMARKS: tuple[str, ...] = (
    "the eiffel tower", "the great wall of china", "the statue of liberty", "big ben", "the colosseum",
    "the taj mahal", "mount everest", "the golden gate bridge", "the pyramids of giza", "stonehenge",
    "machu picchu", "the leaning tower of pisa", "the burj khalifa", "the sydney opera house", "the empire state building",
    "angkor wat", "the kremlin", "the parthenon", "christ the redeemer", "the panama canal", "mount kilimanjaro",
)

HISTORIC_EVENTS: tuple[str, ...] = (
    "world war one", "world war two", "the cold war", "the french revolution", "the moon landing",
    "the berlin wall fall", "the titanic sink", "the roman empire fall", "the american revolution",
    "the black death", "the industrial revolution", "the renaissance", "the great depression",
    "the printing press appear", "the first olympics take place", "columbus reach america",
)

DISCOVERIES: tuple[str, ...] = (
    "penicillin", "gravity", "electricity", "america", "dna", "the telephone", "the light bulb", "radium",
    "the internet", "the polio vaccine", "x rays", "pluto", "the theory of relativity", "the airplane",
    "mount everest", "apple", "microsoft", "the red cross", "the wheel", "insulin", "the periodic table",
)

ELEMENTS: tuple[str, ...] = (
    "gold", "silver", "iron", "sodium", "potassium", "lead", "copper", "mercury", "tin", "oxygen", "helium",
    "carbon", "nitrogen", "uranium", "zinc", "calcium", "neon", "platinum",
)

COUNTABLE_FACTS: tuple[str, ...] = (
    "bones are in the human body", "planets are in the solar system", "legs does a spider have",
    "players are on a soccer team", "hearts does an octopus have", "teeth do adults have", "states are in the us",
    "countries are in europe", "keys are on a piano", "strings does a violin have", "moons does jupiter have",
    "continents are there", "oceans are there", "languages are spoken in india", "elements are in the periodic table",
    "wives did henry the eighth have", "sides does a hexagon have", "chambers does the heart have",
    "books are in the harry potter series", "people live in {country}", "time zones does russia have",
)

ANIMALS: tuple[tuple[str, str], ...] = (
    ("dolphin", "dolphins"), ("whale", "whales"), ("bat", "bats"), ("owl", "owls"), ("octopus", "octopuses"),
    ("elephant", "elephants"), ("giraffe", "giraffes"), ("penguin", "penguins"), ("shark", "sharks"),
    ("koala", "koalas"), ("cheetah", "cheetahs"), ("tortoise", "tortoises"), ("parrot", "parrots"),
    ("crocodile", "crocodiles"), ("panda", "pandas"), ("bee", "bees"), ("ant", "ants"), ("horse", "horses"),
    ("wolf", "wolves"), ("hummingbird", "hummingbirds"), ("platypus", "platypuses"), ("sloth", "sloths"),
)

DOC_OWNERS: tuple[str, ...] = (
    "my", "my uploaded", "the uploaded", "my saved", "the", "all my", "my imported", "the scanned", "my own",
)

DOC_PLURALS: tuple[str, ...] = (
    "recipes", "contracts", "manuals", "papers", "notes", "documents", "files", "pdfs", "reports", "emails",
    "articles", "receipts", "invoices", "policies", "letters", "lecture notes", "statements", "transcripts",
    "meeting notes", "research papers", "books", "slides", "spreadsheets", "guides", "instructions",
)

VOCAB_WORDS: tuple[str, ...] = (
    "ubiquitous", "ephemeral", "serendipity", "melancholy", "pragmatic", "nostalgia", "schadenfreude", "hygge",
    "gaslighting", "petrichor", "quixotic", "ambiguous", "esoteric", "resilience", "sonder", "zeitgeist",
    "cacophony", "laconic", "obfuscate", "paradigm", "benevolent", "wanderlust", "hubris", "juxtaposition",
)

FAMOUS_WORKS: tuple[str, ...] = (
    "hamlet", "the mona lisa", "the odyssey", "don quixote", "the starry night", "moby dick", "the ninth symphony",
    "war and peace", "the great gatsby", "the origin of species", "the divine comedy", "guernica", "1984",
    "the hobbit", "romeo and juliet", "the four seasons", "the godfather", "the little prince", "frankenstein",
    "the sistine chapel ceiling", "the communist manifesto", "the art of war", "harry potter", "jaws",
)

PROBABILITY_EVENTS: tuple[str, ...] = (
    "two people in a room of 30 share a birthday", "rolling two sixes in a row", "drawing two aces from a deck",
    "getting at least one head in three coin flips", "a family with three kids has two girls",
    "a random number between 1 and 100 is prime", "winning if I switch doors in the monty hall game",
)

SITUATIONS: tuple[str, ...] = (
    "a family of four", "someone just out of college", "a small startup", "a retiree", "my situation",
    "a remote worker", "a first time buyer", "a student on a budget", "a team of five engineers", "a beginner",
)

EXTRA_TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "edge_timer_start": ("timer", (
        "[<timer_set>] [a|an] {duration} timer [for [the] {timer_name}]",
        "(<timer_set>|give me) [a|an] timer for {duration}",
        "(tell|alert|notify|ping|buzz) me (in|after) {duration}",
        "(countdown|count down) [from] {duration}",
        "timer {duration}",
        "{timer_name} timer [for] {duration}",
        "(set|start) [a|an] {timer_name} timer",
        "let me know (in|after|when) {duration} [(is|are) (up|over|done)]",
    )),
    "edge_timer_manage": ("timer", (
        "(how much|how long) (time is left|is left|until it's done|until it goes off) on [the|my] [{timer_name}] timer",
        "(check|show) [on] [the|my] [{timer_name}] timer[s]",
        "(stop|end|delete|clear|turn off|dismiss|silence) [the|my] [{timer_name}] timer",
        "(pause|freeze|hold) [the|my] [{timer_name}] timer",
        "(resume|continue|restart) [the|my] [{timer_name}] timer",
        "(add|put) {duration} (on|to) [the|my] [{timer_name}] timer",
        "(take|subtract|remove) {duration} (off|from) [the|my] [{timer_name}] timer",
        "what timers (are running|do I have)",
    )),
    "edge_alarm": ("timer", (
        "(set|create|make|add|put in) [an|a|my] [{alarm_name}] alarm (for|at) {clock_time} [{alarm_day}]",
        "[please] wake me [up] (at|by|around) {clock_time} [{alarm_day}]",
        "wake me [up] in {duration}",
        "I (need|want|have) to (get up|wake up|be up) (at|by) {clock_time} [{alarm_day}]",
        "(cancel|delete|remove|turn off|disable|switch off|stop|kill) [my|the] [{alarm_name}] alarm[s] [for {clock_time}]",
        "(snooze|silence|dismiss|shut off) [the|my|that] alarm [for {duration}]",
        "(what|which) alarms (do I have|are set|are on) [{alarm_day}]",
        "(change|move|push|reset) [my|the] [{alarm_name}] alarm to {clock_time}",
        "is my [{alarm_name}] alarm (set|on) [{alarm_day}]",
        "(set|make) [a|an] (recurring|repeating) alarm [for] {alarm_day} at {clock_time}",
        "alarm (for|at) {clock_time} [{alarm_day}]",
        "(when|what time) is my [{alarm_name}] alarm [set for]",
        "(turn on|enable) [my|the] {alarm_name} alarm",
    )),
    "edge_time_now": ("time", (
        "(what's|what is) the time [(right now|now|please|at the moment|currently)]",
        "(can|could|would) you tell me (the time|what time it is)",
        "time [(please|check)]",
        "what time is it (in|over in) {city}",
        "(current|local) time [in {city}]",
        "is it (already|past|after) {clock_time}",
        "what o'clock is it",
        "(is it|it's) (morning|afternoon|evening|night) (yet|already|now)",
        "have you (got|the) time",
        "(the|current) time [please]",
    )),
    "edge_time_date": ("time", (
        "(what's|what is|tell me) (the date|today's date|the day) [today]",
        "what (day|date) is (it|today) [today]",
        "(what's|what is|tell me) the day of the (week|month)",
        "what (year|month) is it",
        "is (it|today) {weekday} [today]",
        "what('s| is) the date (tomorrow|on {weekday})",
        "what (day|date) (was|is|will be) (yesterday|tomorrow)",
        "which (day|month|year) (is it|are we in)",
        "what week (is it|of the year is this)",
        "(can|could) you tell me (the date|what day it is|what today is)",
        "what is today",
        "today is what (day|date)",
        "(is it|are we) (still|in) {month} [(already|yet)]",
        "(the|today's|current) date [please]",
    )),
    "edge_time_calendar": ("time", (
        "(what's|what is) the date {relative_day}",
        "what (date|day of the month) is {relative_day}",
        "(what day|which day of the week) (is|does) {holiday} (on|fall on) [this year|next year]",
        "(when|what date) is {holiday} [this year|next year]",
        "how many days (until|till|to) {holiday}",
        "how many days (are) left (in|until the end of) (the|this) (month|year|week)",
        "what day of the week (is|was|will be) {month} {day_of_month}",
        "(is|was) {month} {day_of_month} a {weekday}",
        "what's the date (in {duration_days}|{duration_days} from (today|now))",
        "(which|what) week number is it",
        "is this a leap year",
    )),
    "edge_math_arith": ("math", (
        "(what is|what's|whats|how much is|calculate|compute|work out|figure out|tell me|solve) {arith}",
        "{arith}",
        "{arith} (equals|is) what",
        "(add|sum) {number} (and|plus|to) {number}",
        "add up {number}, {number} and {number}",
        "(subtract|take|take away) {number} from {number}",
        "multiply {number} (by|and|times) {number}",
        "divide {number} (by|into) {number}",
        "(what is|what's) [the] (square root|cube root) of {number}",
        "square root of {number}",
        "(what is|what's) {number} (squared|cubed)",
        "(what is|what's) {number} to the power of {small_number}",
        "(what is|what's) {small_number} factorial",
        "(what's|what is) the (average|mean|sum|product|median) of {number_list}",
        "is {number} (a prime number|prime|divisible by {small_number}|even|odd)",
        "(round {decimal} to|what's {decimal} rounded to) the nearest (whole number|ten|tenth|hundred)",
        "(what is|what's) {fraction} (of {number}|as a (decimal|percentage|percent))",
        "(what is|what's) {decimal} as a fraction",
        "if (I|we) split {money} (between|among|by) {small_number} (people|friends|ways|of us) how much (is that|does each "
        "person pay|each)",
        "(quick|a quick) math question [,] {arith}",
        "(I need to know|can you tell me|do you know) (what|how much) {arith} is",
        "(can you|could you|please) (calculate|compute|add up|do the math on) {arith}",
        "(what is|what's) {number} (mod|modulo) {small_number}",
        "(what's|what is) the remainder (when|if) (you divide|dividing) {number} by {small_number}",
    )),
    "edge_math_percent": ("math", (
        "(what is|what's|calculate|how much is|work out) {math_percent} of {number}",
        "(what's|what is|how much is|how much should I leave for) a {math_percent} tip on {money}",
        "(how much|what) is {money} (after|with|minus|plus) [a] {math_percent} (discount|off|tax|increase|markup|raise)",
        "{number} is what (percent|percentage) of {number}",
        "what (percent|percentage) of {number} is {number}",
        "(what's|what is) the (percent|percentage) (change|increase|decrease|difference) (from|between) {number} (to|and) "
        "{number}",
        "{math_percent} off {money}",
        "(calculate|figure out|work out) the tip on {money} at {math_percent}",
        "(add|take off|subtract) {math_percent} (to|from) {money}",
        "(what's|what is) {math_percent} of {money}",
    )),
    "edge_math_convert": ("math", (
        "(convert|change|turn) {conversion}",
        "(what is|what's|how much is) {conversion}",
        "{conversion}",
        "{measure_question}",
        "(can you|could you|please) convert {conversion}",
        "(I need|give me|tell me) {conversion}",
        "(what's|what is) {temperature_conversion}",
        "(convert) {temperature_conversion}",
        "{temperature_conversion}",
    )),
    "edge_math_how_many": ("math", (
        "how many {how_many_conversion}",
        "(do you know|tell me|can you tell me|I need to know) how many {how_many_conversion}",
        "how many {how_many_conversion} (roughly|exactly|approximately|again)",
        "(quick question|hey|so) how many {how_many_conversion}",
        "(about|roughly) how many {how_many_conversion}",
    )),
    "edge_notes_take": ("notes", (
        "(take|make|write|jot down|save|add|create|start) a (note|memo|quick note|new note) [(that says|saying)] {note_fact}",
        "(note|write down|jot down|remember|save) that {note_fact}",
        "(make|take) a note (that|saying|of this) {note_fact}",
        "(add|put|save) (this|that) (to|in) my notes {note_fact}",
        "note to self {note_fact}",
        "(can you|could you|please) (note|remember|write down|jot down) that {note_fact}",
        "(new|quick) note {note_fact}",
        "I (want|need) to (remember|make a note|note down) that {note_fact}",
        "(please|can you) (take|make) a note",
        "(start|open) a new note",
        "(keep|store) (this|a note) for me {note_fact}",
    )),
    "edge_notes_prefixed": ("notes", (
        "(jot|write|put|take|note|get) (this|that) down {note_fact}",
        "(save|store|add|file) (this|that|a note|a memo) {note_fact}",
        "(remember|memorize) (this|that) [for me] {note_fact}",
        "(can you|please) (jot|write|take) (this|that) down [for me] {note_fact}",
        "for my notes {note_fact}",
        "(note|memo) {note_fact}",
    )),
    "edge_notes_manage": ("notes", (
        "(read|show|list|tell) me my notes",
        "read [back] my (last|latest|most recent|previous) note",
        "(what are|what's in|show me|open) my notes",
        "what notes do I have [about {note_topic}]",
        "(do I have|are there) any notes (about|on) {note_topic}",
        "(delete|remove|erase|clear|scratch|get rid of) (my last note|the last note|that note|all [of] my notes|the note about "
        "{note_topic}|my note (about|on) {note_topic})",
        "(how many|what) notes (do I have|have I saved|have I made)",
        "(edit|change|update|add to) (my|the) (last note|note about {note_topic})",
        "what did I (note|write down|save|jot down) about {note_topic}",
        "(read|find) [me] the note (about|on) {note_topic}",
        "(undo|scratch) that note",
    )),
    "edge_reminder_set": ("notes", (
        "remind me to {reminder_task} {reminder_time}",
        "remind me {reminder_time} to {reminder_task}",
        "remind me to {reminder_task}",
        "(set|create|add|make) a reminder (to|for) {reminder_task} {reminder_time}",
        "(set|create|add|make) a reminder {reminder_time} to {reminder_task}",
        "(can you|could you|please|would you) remind me to {reminder_task} [{reminder_time}]",
        "(don't let me|make sure I don't) forget to {reminder_task} [{reminder_time}]",
        "(ping|nudge|alert|tell|notify) me {reminder_time} to {reminder_task}",
        "I need a reminder to {reminder_task} [{reminder_time}]",
        "remind me about (the dentist|the meeting|{note_topic}|{person}'s birthday) {reminder_time}",
        "(set|add) a reminder (for|at) {clock_time} (to|that I need to) {reminder_task}",
        "reminder {reminder_task} {reminder_time}",
    )),
    "edge_reminder_manage": ("notes", (
        "(what are|list|read me|show me|tell me) my reminders [{when}]",
        "(do I have|are there) any reminders [{when}]",
        "what (reminders|notes and reminders) (do I have|are set) [{when}]",
        "(cancel|delete|remove|clear) [my|the] reminder (to|about|for) {reminder_task}",
        "(cancel|delete|clear|remove) all [of] [my] reminders",
        "(move|push|change|reschedule) my reminder (to|about) {reminder_task} to {reminder_time}",
        "snooze (that|the|my) reminder [for {duration}]",
        "(what was|read me) my (last|next) reminder",
        "(mark|set) the reminder (to|about) {reminder_task} as done",
    )),
    "edge_list": ("notes", (
        "(we need|we're out of|I need|get|grab) [some] [more] {shopping_item}",
        "(buy|pick up) {shopping_item} [on the way home]",
        "(what's|what is) on [my|the] [{todo_name}|shopping] list",
        "(read|show|open) [me] [my|the] ({todo_name}|shopping|grocery) list",
        "(write down|note|remember|jot down) {shopping_item} (for|on) [the|my] ({todo_name}|shopping|grocery) list",
        "(remove|delete|take) {shopping_item} (from|off) [the|my] (shopping|grocery) list",
        "(mark|tick|check off) {todo_item} [as (done|complete|finished)] [on [my] {todo_name} list]",
        "add {todo_item} to [my] (to do|to-do|todo|{todo_name}) list",
        "(put|add) {shopping_item} (and|plus) {shopping_item} on [the|my] (shopping|grocery) list",
        "is {shopping_item} on [my|the] [shopping] list",
        "(clear|empty) [my|the] ({todo_name}|shopping) list",
        "(start|make|create) a [new] ({todo_name}|packing|shopping) list",
        "(what|how many) (items|things) (are|do I have) on my ({todo_name}|shopping) list",
    )),
    "edge_status_models": ("status", (
        "(which|what) models (are|do you have) (loaded|running|active|installed|available|in memory|on this device) [right now]",
        "what (model|models) (are you using|are you running|do you run on|is this)",
        "(which|what) {assistant_part} (are you using|is loaded|is running|do you use|is installed|is that)",
        "is (the|your) {assistant_part} (loaded|working|running|ready|ok|healthy|up|broken|down)",
        "are (all|both) [of] (your|the) (models|components|engines|services|systems) "
        "(loaded|working|running|healthy|ok|ready|up)",
        "(list|show|tell) [me] [all] (your|the) (loaded|installed|available|active) models",
        "how (big|large) is (the|your) {assistant_part}",
        "how many (models|engines) (do you have|are loaded|are installed|are running)",
        "what (llm|language model|ai model|model) (powers you|is behind you|do you run on|are you based on)",
        "(is|are) (the|your) {assistant_part} (quantized|up to date|the latest version)",
        "what quantization (is|does) (the|your) {assistant_part} (use|in)",
    )),
    "edge_status_resources": ("status", (
        "how much {resource} (are you|is the assistant|is edge) (using|taking up|consuming|eating)",
        "(what's|what is) (your|the assistant's|the current) {resource} (usage|use|consumption|load) [right now]",
        "(are you|is the assistant) (using|hogging) (too much|a lot of) {resource}",
        "how much {resource} (is left|is free|do you have left|is available)",
        "how (fast|slow) are you (running|responding) [today|right now]",
        "(what's|what is) your (latency|response time|average latency|throughput|speed|tokens per second)",
        "(what|which) (hardware|device|processor|chip|cpu|machine) are you running on",
        "(are you|is this) running on {hardware}",
        "how many (cpu cores|threads|cores) (are you using|do you have|can you use)",
        "(show|give) me (your|the) (resource|memory|cpu) (usage|stats|numbers)",
    )),
    "edge_status_system": ("status", (
        "(system|device|assistant|engine|runtime) (status|health|diagnostics|report|info|stats|check)",
        "(give me|show me|run|do|start|perform) a (system|health|status|diagnostic|self) (check|test|report|scan)",
        "(run|do) [some] diagnostics",
        "how are (your|the) (systems|models|engines|components) (doing|holding up)",
        "is everything (ok|working|running|fine|healthy) (with you|on your end|under the hood|in the system)",
        "(what's|what is) your (status|uptime|version|build|version number|current status)",
        "what version (are you|of edge is this|of the assistant is (this|running)|is installed|am I running)",
        "(are you|is the software|is edge) up to date",
        "how long have you been (running|up|on)",
        "(any|are there any) (errors|warnings|problems|issues) (with|in) (your|the) (models|system|logs)",
        "(status|health) (report|check) please",
        "(are you|is the assistant) (working|running) (properly|correctly|normally|ok)",
    )),
    "edge_status_offline": ("status", (
        "are you (running|working) (offline|locally|on device|on this device|without (the internet|internet|a "
        "connection|wifi)|in the cloud)",
        "(do you|does the assistant) (need|use|require) (the internet|an internet connection|wifi|the cloud|a network) [to work]",
        "(are you|is the assistant) (connected to|online|talking to) (the internet|the cloud|a server)",
        "(does|do) (my data|my recordings|my voice|anything I say|my questions) (leave|stay on) this device",
        "(do you|does edge) send (my|any) (data|audio|recordings|questions) (anywhere|online|to the cloud|to a server)",
        "(are you|am I) in offline mode",
        "(can|will) you [still] work (if the internet goes down|without wifi|offline)",
        "(are you|do you keep) [always] (listening|recording)",
        "where (are|is) (my data|the models|your models) (stored|kept)",
    )),
    "edge_weather": ("weather", (
        "(what's|what is) the (weather|forecast) [(like|going to be)] [in {city}] [{when}]",
        "(will it|is it going to) (rain|snow|be sunny|be cloudy|be windy|be hot|be cold|storm) [in {city}] [{when}]",
        "(how|what) (hot|cold|warm|windy|humid) (is it|will it be|is it going to be) [(outside|out)] [in {city}] [{when}]",
        "(what's|what is) the temperature (outside|out there|in {city}) [{when}]",
        "(do|will) I need (an umbrella|a coat|sunscreen|a sweater|boots) [{when}]",
        "(weather|forecast) [for] [{city}] [{when}]",
        "(give me|tell me|read me) the [weather] forecast [for {city}] [{when}]",
        "(what's|what is) the (high|low|chance of rain|humidity|wind speed) [in {city}] [{when}]",
        "(is there|are we getting) [any] (rain|snow|storms|sunshine|wind) [{when}]",
        "how's the weather [looking] [in {city}] [{when}]",
    )),
    "edge_device": ("device", (
        "(dim|brighten) [the] {light_name} [to {percent}]",
        "(shut|switch|flip|power|turn) (off|on) [the] {device_name} [in the {area}]",
        "(set|put|change|adjust) the (thermostat|heat|heating|ac|temperature) to {temperature_value}",
        "(raise|lower|increase|decrease) the (temperature|heat|ac|volume|brightness) [in the {area}]",
        "(lock|unlock) the {lock_name}",
        "(open|close|raise|lower) the {cover_name} [(halfway|all the way)]",
        "(skip|next) [(song|track)]",
        "(turn|crank) (it|the music|the volume) (up|down)",
        "(play|put on) {search_query} [(in|on) the {media_name}]",
        "(start|run|stop) the {vacuum_name}",
        "make (it|the {area}) (warmer|cooler|brighter|darker)",
        "(everything|all the lights) off [in the {area}]",
        "(pause|resume|stop|unpause|continue|restart|rewind|fast forward) the "
        "(movie|show|music|song|podcast|video|episode|audiobook|playlist|radio|film)",
        "(is|are) the {lock_name} (locked|unlocked|open|closed)",
        "(play|resume|continue) (the|my) (movie|show|episode|podcast|audiobook) [on the {media_name}]",
    )),
    "edge_knowledge_ask": ("knowledge", (
        "what does (my|the) {doc_kind} say about {doc_topic}",
        "what (does|did) the {doc_kind} {doc_added} say about {doc_topic}",
        "according to (my|the) {doc_kind} [{doc_added}] {doc_question}",
        "{doc_question} according to (my|the) {doc_kind}",
        "(in|from) (my|the) {doc_kind} [{doc_added}] {doc_question}",
        "(based on|using|from|going by|looking at) {kb_place} {doc_question}",
        "{doc_question} (in|from|based on) {kb_place}",
        "(does|did) (my|the) {doc_kind} (mention|cover|say anything about|include|allow|talk about) {doc_topic}",
        "(check|look at|look in|read) (my|the) {doc_kind} and tell me {doc_question}",
        "(can you|could you) check (my|the) {doc_kind} (for|about) {doc_topic}",
        "is there anything about {doc_topic} in (my|the) {doc_kind}",
        "what (does|did) (my|the) {doc_kind} say (regarding|on the subject of) {doc_topic}",
        "(in|from|across) {doc_owner} {doc_plural} (which|what) (ones|one|of them) (mention|cover|talk about|include) "
        "{doc_topic}",
        "(do|does) (any of|one of) {doc_owner} {doc_plural} (mention|cover|talk about) {doc_topic}",
        "(what|which) {doc_plural} (did I upload|did I add|do I have) (about|on|that mention) {doc_subject}",
        "(according to|based on) {doc_owner} {doc_kind} {doc_question}",
    )),
    "edge_knowledge_manual": ("knowledge", (
        "(how do I|how can I|how to) {manual_task} according to the {appliance} (manual|instructions|user guide)",
        "what does the {appliance} (manual|user guide|instruction booklet|handbook) say about {manual_topic}",
        "(check|look up|search) the {appliance} (manual|user guide|instructions) (for|about) {manual_topic}",
        "according to the (manual|user guide|instructions|owner's manual) how do I {manual_task}",
        "(find|look up|show me) (the part|the section|the page) (of|in) the {appliance} manual (about|on|that covers) "
        "{manual_topic}",
        "(in|from) the {appliance} manual (I uploaded|I added|I saved) how do I {manual_task}",
        "(use|go by) the {appliance} manual to tell me how to {manual_task}",
    )),
    "edge_knowledge_search": ("knowledge", (
        "(search|look through|go through|check|scan|dig through|comb through) {kb_place} (for|about) {doc_topic}",
        "(is there|do I have) anything (in|among) {kb_place} (about|on) {doc_topic}",
        "(find|pull up|show me|quote|locate) the (part|section|paragraph|page|clause|passage) (of|in) (my|the) {doc_kind} "
        "(about|on|that mentions|that talks about) {doc_topic}",
        "(which|what) (document|file|pdf|email) (mentions|talks about|has|says something about) {doc_topic}",
        "(find|open|pull up) (my|the) {doc_kind} (about|on|for) {doc_subject}",
        "(where|in which document) (did I|do I) (read|have|see) (something|anything) about {doc_topic}",
        "(search|query) (the|my) knowledge base (for|about) {doc_subject}",
        "(look up|find) {doc_topic} in {kb_place}",
    )),
    "edge_knowledge_summarize": ("knowledge", (
        "(summarize|sum up|give me a summary of|give me the gist of) (the|my) {doc_kind} (about|on) {doc_subject} [{doc_added}]",
        "(summarize|sum up|give me the key points of) the {doc_kind} {doc_added}",
        "what (did|does) the {doc_kind} {doc_added} (conclude|recommend|find|say|argue|propose)",
        "what (were|are) the (key findings|conclusions|main takeaways|recommendations|action items|main points) (of|in|from) "
        "(the|my) {doc_kind} [about {doc_subject}]",
        "what did (the|my) (meeting|lecture|class|interview) notes (from|on) {weekday} say about {doc_topic}",
        "(tldr|quick summary of) the {doc_kind} (about|on) {doc_subject}",
        "(what's|what is) the {doc_kind} (about|on) {doc_subject} (about|saying)",
        "(explain|break down) the {doc_kind} {doc_added} (to me|in simple terms)",
    )),
    "edge_unsupported_call": ("unsupported", (
        "(call|phone|ring|dial|facetime|video call|skype) {contact} [on {call_app}]",
        "(make|place|start) a (phone|video) call to {contact}",
        "(I want to|I need to|let me) (call|phone|video chat with) {contact}",
        "(call|dial) {phone_number}",
        "(answer|decline|reject|pick up) the (call|phone)",
        "redial [the last number]",
        "(check|play) my (voicemail|voicemails|missed calls)",
        "(get|put) {contact} on the phone",
        "(who|did anyone) (called|call) me [today]",
    )),
    "edge_unsupported_message": ("unsupported", (
        "(text|message) {contact} [(that|saying)] {message_body}",
        "send (a text|a message|an sms|a whatsapp|a text message|an email|a voice note) to {contact} [(saying|that)] "
        "[{message_body}]",
        "(email|mail) {contact} (saying|that) {message_body}",
        "(send|shoot) {contact} (a|an) (text|email|message|dm) [(saying|that)] {message_body}",
        "tell {contact} [that] {message_body}",
        "(reply|respond|answer) to {contact} [(saying|with)] {message_body}",
        "(read|check|open|show me) my (email|emails|inbox|messages|texts|text messages|whatsapp messages|dms|notifications)",
        "do I have any (new|unread) (emails|messages|texts|voicemails|dms)",
        "did {contact} (text|email|message|call|write) (me|back) [today]",
        "(message|text) {contact} on {message_app} [(saying|that)] [{message_body}]",
        "(forward|send) (this|that|the) (email|message|photo|link) to {contact}",
    )),
    "edge_unsupported_shop": ("unsupported", (
        "(order|buy|purchase|get) {product} (on|from) {online_store}",
        "(order|buy|get|reorder) (more|some|another pack of|a few) {shopping_item} (on|from|off) {online_store}",
        "(order|get) [me] {food_order} [from {restaurant}]",
        "(add|put) {product} (to|in) my ({online_store}|online) (cart|basket)",
        "reorder {product} [on {online_store}]",
        "(where is|track) my (package|order|{online_store} order|delivery|parcel)",
        "when (will|does) my (package|order|delivery) (arrive|get here|come)",
        "(buy|order|get) [me] (tickets|two tickets|a ticket) (for|to) (the {sports_team} game|the concert|the movie|the show) "
        "[{when}]",
        "(order|buy|purchase) {product} online",
        "(can you|could you|please) order {food_order} [for (dinner|lunch|tonight)]",
        "(buy|purchase) {product} (with|using) my (card|credit card|amazon account)",
    )),
    "edge_unsupported_book": ("unsupported", (
        "(book|reserve|get) [me] {booking} [{when}]",
        "(make|get) (a|me a) reservation (at|for) ({restaurant}|dinner|two|four) [{when}]",
        "(find|book|search for) (me a|a) (flight|hotel|train|bus|cheap flight) (to|in) {city} [{when}]",
        "(cancel|change|move) my (flight|hotel|reservation|booking) [to {city}]",
        "(check me in|check in) for my flight [to {city}]",
        "(schedule|book) (an|a) (appointment|haircut|massage|car service|oil change) (for|on) {weekday} [at {clock_time}]",
    )),
    "edge_unsupported_travel": ("unsupported", (
        "(navigate|take me|drive me|give me directions|get directions|directions|route me|show me the way) to {place}",
        "how (do I get|far is it|long will it take me to drive|long does it take to get) to {place}",
        "(how's|what's|how is) the traffic [like] (on|to|on the way to|near) {place}",
        "(call|get|order|book) [me] (an uber|a lyft|a taxi|a cab|a ride) [to {place}]",
        "where('s| is) the (nearest|closest) {poi}",
        "find (a|the nearest|a good) {poi} [near me|nearby]",
        "is my flight [to {city}] (delayed|on time|cancelled)",
        "what gate (is|does) my flight (at|leave from)",
        "(when|what time) does the next (bus|train|tram|ferry) (leave|come|arrive) [to {city}]",
        "(is|are) there [any] (accidents|road closures|delays) (on my route|on the highway|near me)",
    )),
    "edge_unsupported_stream": ("unsupported", (
        "play {search_query} on {music_service}",
        "(put on|play|stream|watch|start) {show} on {video_service}",
        "(open|launch|start) ({music_service}|{video_service})",
        "(shuffle|queue|play) my (playlist|liked songs|daily mix|favorites) on {music_service}",
        "(add|save) this song to my {music_service} (playlist|library|favorites)",
        "(what's new|what should I watch) on {video_service}",
        "(stream|play) the {sports_team} game [live] [{when}]",
        "(find|search) {search_query} on {music_service}",
    )),
    "edge_unsupported_social": ("unsupported", (
        "(post|share|tweet|upload|put) {social_post} (on|to) {social_network}",
        "tweet [that] {message_body}",
        "(what's|what is) trending on {social_network}",
        "(check|read|show me) my {social_network} (notifications|feed|messages|dms|mentions)",
        "how many likes did my (last post|photo|video) get",
        "(follow|unfollow|block) {contact} on {social_network}",
        "(update|change) my {social_network} (status|profile picture|bio)",
    )),
    "edge_unsupported_live": ("unsupported", (
        "(what's|what is) the (stock|share) price (of|for) {company} [right now|today]",
        "how('s| is| are) {company} (stock|shares|doing) [today|right now|this week]",
        "(what's|what is) {crypto} (at|worth|trading at) [right now|today]",
        "(what's|what is) the [current] exchange rate (for|from|between) {currency_pair}",
        "(what's|what is) the (latest|newest|breaking) news [(about|on) {news_topic}]",
        "(read|give|tell) me the (latest|morning|evening|top) (news|headlines|stories)",
        "(what are|what's in) (the|today's) (news|headlines|top stories) [about {news_topic}]",
        "(any|is there any) (news|update) (about|on) {news_topic}",
        "(what|who) (won|is winning) the {sports_team} game [last night|today|tonight]",
        "(what's|what was) the score (of|in) the {sports_team} game [tonight|last night|today]",
        "when do the {sports_team} play [next]",
        "(how did|how are) the {sports_team} (do|doing) [last night|this season]",
        "(is|are) {local_business} open (right now|today|on {weekday}|now)",
        "what time does {local_business} (close|open) [today|tonight|on {weekday}]",
        "(search|google|look up|search the web for|search online for|find online) {web_query}",
        "(what's|what is) happening (in the world|in {city}|around the world) [today|right now]",
        "(what's|what is) the (current|latest|going) (price of gas|gas price|mortgage rate|price of gold|price of an iphone)",
        "(what's|what is) the (weather|news|score) (on|according to) (the internet|google)",
        "(check|what are) the (lottery numbers|election results|polls) [today|tonight]",
    )),
    "edge_unsupported_bank": ("unsupported", (
        "(what's|what is|check) my (bank|checking|savings|account) balance",
        "(send|transfer|pay|wire) {money} to {contact} [on {payment_app}]",
        "pay my {bill} bill",
        "(did|has) my (paycheck|salary|tax refund|refund|deposit) (arrived|come in|cleared|gone through)",
        "(venmo|zelle|paypal) {contact} {money} [for (dinner|rent|the tickets)]",
        "(freeze|lock|cancel) my (credit card|debit card|bank card)",
        "(request|ask for) {money} from {contact} [on {payment_app}]",
    )),
}
"""Templates beyond home-assistant-intents: phrasings it lacks for the skill labels it covers, and
every sentence of the labels it does not (math, status, knowledge, unsupported, most of notes).
hassil syntax, with the HA expansion rules (``<what_is>``...) and the pools below as lists."""

CHAT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "chat_define": (
        "(what is|what's|what are|define|explain|describe) {concept}",
        "(can you explain|tell me about|teach me about|help me understand) {concept}",
        "how does {concept} work",
        "explain {concept} (simply|like I'm five|in one sentence|in simple terms)",
        "what does the word {vocab_word} mean",
        "(what does|what's the meaning of|define) {vocab_word} [mean]",
    ),
    "chat_people": (
        "(who (is|was)|tell me about) {famous_person}",
        "what did {famous_person} (do|invent|write|discover)",
        "what (is|was) {famous_person} (famous|known) for",
        "when (was {famous_person} born|did {famous_person} (die|live))",
        "who (wrote|painted|composed|directed|invented) {famous_work}",
    ),
    "chat_howto": (
        "how (do|can|should) (I|you|we) {howto}",
        "(what's|what is) the best way to {howto}",
        "(give me|any) [quick] tips (on how|for how) to {howto}",
        "(teach me|show me) how to {howto}",
        "I want to {howto}, where do I start",
    ),
    "chat_why": (
        "why is the (sky blue|sea salty|grass green|moon sometimes visible during the day)",
        "why are (leaves green|the stars so far away|flamingos pink|there so many languages)",
        "why do (cats purr|we dream|we yawn|birds migrate|onions make you cry|leaves change color)",
        "why does (ice float|the moon change shape|bread rise|coffee wake you up|time seem to fly)",
        "what causes {weather_phenomenon}",
        "how (do|does) {weather_phenomenon} (form|happen|work)",
    ),
    "chat_fun": (
        "tell me a (joke|riddle|fun fact|pun|knock knock joke|quote) [about {topic}]",
        "(write|make up) a {short_creation} about {topic}",
        "(give me|suggest|brainstorm) [(some|five|ten|three)] (ideas|names|titles) for {topic}",
        "(say|tell me) something (funny|nice|interesting|inspiring|random)",
        "(do you know|got) any [good] (jokes|riddles|fun facts)",
        "make me (laugh|smile)",
    ),
    "chat_opinion": (
        "what do you think (about|of) {topic}",
        "(do you like|what's your opinion on|how do you feel about) {topic}",
        "is {concept} (good|bad|overrated|worth it|dangerous)",
        "which is better, {concept_or}",
    ),
    "chat_compare": (
        "(what's|what is) the difference between {concept_pair}",
        "how do {concept_pair} differ",
        "{concept_versus}",
        "(is|are) {concept_or} (bigger|older|faster|healthier)",
    ),
    "chat_recommend": (
        "(recommend|suggest) [me] a [good] {media_kind}",
        "what (should I|can I) (cook|make|eat|have) for (dinner|lunch|breakfast) [tonight|today]",
        "(any|got any) [good] {media_kind} recommendations",
        "what's a good {media_kind} about {topic}",
    ),
    "chat_help": (
        "(can|could) you help me {chat_help_task}",
        "I need (help|a hand|some help) to {chat_help_task}",
        "help me {chat_help_task}",
    ),
    "chat_translate": (
        "(translate|how do you say) {phrase} (in|into) {language}",
        "what does {phrase} mean in {language}",
        "(how do I|how would you) say {phrase} in {language}",
    ),
    "chat_facts": (
        "(what's|what is) {fact}",
        "how (many|much) (calories|protein|sugar) (is|are) in {food}",
        "how far is {city} from {city}",
        "(what|which) language do they speak in {country}",
        "(tell me|what do you know) about {country}",
        "(what's|what is) {country} (famous|known) for",
        "is {food} (healthy|bad for you|good for you)",
        "(who invented|when was the first|what's the history of the) {device_noun} [invented]",
        "how does a {device_noun} work",
    ),
    "chat_trivia": (
        "(what's|what is|which is) the {superlative} {trivia_thing} (in the world|on earth|in {country}|in europe|ever)",
        "(what's|what is) the capital (of|city of) {country}",
        "(how tall|how old|how big|how long) is {landmark}",
        "(where is|who built|when was|why was) {landmark} [built]",
        "(when did|what year did|why did) {historic_event} [(happen|start|end)]",
        "who (discovered|invented|founded|first climbed) {discovery}",
        "(what's|what is) the chemical symbol for {element}",
        "how many {countable_fact}",
        "(what's|what is) the (population|currency|official language|national animal|highest mountain) of {country}",
        "(is|are) {animal} (a mammal|dangerous|endangered|smart|nocturnal)",
        "how (long|fast|big|heavy) (do|does|can|is) (a|an) {animal_singular} [(live|run|grow|get)]",
        "what do {animal} eat",
    ),
    "chat_social": (
        "(hi|hello|hey) [there] [, how are you]",
        "how (are you|is your day going|have you been) [today]",
        "(what's|what is) your (name|favorite color|favorite movie|favorite food)",
        "are you (a robot|human|real|conscious|smart|happy)",
        "(I'm|I am|I feel) [so|really|kind of] {mood} [today|right now]",
        "(thank you|thanks) [so much] [for the help]",
        "(good night|good morning|good evening|good afternoon|see you later|bye)",
        "(do you|can you) (dream|feel|think|love|sleep)",
        "what can you do",
        "(let's|can we) (chat|talk) [about {topic}]",
        "(I|we) had a (great|terrible|long|weird) day",
        "(nice|good) to (meet|see|hear from) you",
        "(that's|you're) (awesome|great|funny|amazing|not helpful)",
        "(thanks|thank you|cheers|much appreciated|ta) [(a lot|a bunch|buddy|mate|so much|very much)]",
        "(that|this) (was|is) [really] (helpful|useful|perfect|great)",
        "(good|great|ok|okay|cool|nice|perfect|awesome|got it|sounds good|alright)",
        "(hi|hello|hey|yo|hiya|howdy|good morning|morning|good evening) [(there|friend|buddy|assistant)]",
        "(bye|goodbye|see you|see ya|talk to you later|catch you later|good night|night) [(then|now|for now)]",
        "how's it going",
        "(what's up|how are things|how do you do|what's new)",
        "(sorry|my bad|oops|never mind that|I'm sorry)",
        "(you're|you are) (welcome|the best|so smart|funny|weird|annoying|cute|my favorite)",
        "I (love|like|hate|miss) you",
        "(yes|no|maybe|sure|of course|not really|I don't know)",
    ),
}
"""Short questions and small talk that the small local model answers in a sentence or two."""

COMPLEX_TEMPLATES: dict[str, tuple[str, ...]] = {
    "complex_code": (
        "(write|create|implement|code|build|give me) a {programming_language} {code_artifact} (that|which|to) {code_task}",
        "(how do I|how would I|how can I) (write|implement|build) a {code_artifact} (in {programming_language}) that {code_task}",
        "(debug|fix|refactor|optimize|review|clean up|speed up) (this|my) {programming_language} "
        "(code|function|script|class|query|program) [that {code_task}]",
        "(why (am I getting|do I get)|help me fix|how do I fix) {code_problem} in (my|this) {programming_language} "
        "(code|program|app|script)",
        "(write|add) (unit tests|tests|integration tests|type hints|docstrings|error handling) (for|to) (my|this|a) function "
        "that {code_task}",
        "(convert|port|rewrite|translate) this {programming_language} (code|script|function) (to|into) {programming_language}",
        "(write|generate) a (regex|regular expression|sql query|bash one liner|shell script|dockerfile|makefile|github "
        "workflow) (that|to) {code_task}",
        "(implement|write|code up) {algorithm} in {programming_language}",
        "(design|architect|sketch out) a (database schema|rest api|system|microservice|data model|class hierarchy) for "
        "{app_kind}",
        "(can you|could you|please) (write|code) (me|up) a {programming_language} {code_artifact} that {code_task}",
        "(explain|walk me through) (what|how) this {programming_language} (code|function|snippet) (does|works) line by line",
    ),
    "complex_writing": (
        "(write|draft|compose|prepare) [me] {long_writing} to {recipient} about {issue}",
        "(help me|can you help me|could you help me|I need help to) (write|draft|compose|word) {long_writing} to {recipient} "
        "[about {issue}]",
        "(write|draft) {long_writing} (about|regarding) {issue}",
        "(write|compose|create) [me] a [long|detailed|{word_count} word|{small_number} paragraph] {story_kind} about {topic}",
        "tell me a (story|bedtime story|long story|fairy tale|ghost story) about {topic}",
        "(write|draft) (an essay|a persuasive essay|an argumentative essay|an op ed|a five paragraph essay|a research summary) "
        "(on|about) {essay_topic}",
        "(write|draft|create) a cover letter for (a|an) {job} (position|role|job)",
        "(rewrite|edit|proofread|improve|polish|shorten) (this|my) (paragraph|essay|email|cover "
        "letter|resume|bio|introduction|speech) [to sound more (professional|friendly|confident|formal)]",
        "(write|give) me (a|an) (speech|toast|eulogy|best man speech|retirement speech|graduation speech) for {occasion}",
        "(can you|could you|please) (write|draft) {long_writing} (for|to) {recipient} (explaining|about) {issue}",
    ),
    "complex_reasoning": (
        "(solve|help me solve|figure out|work through|can you solve) this (logic puzzle|riddle|brain teaser|puzzle|problem) "
        "{puzzle}",
        "(prove|show) that {theorem}",
        "(can you|how would you) prove that {theorem}",
        "{puzzle}, (walk me through|explain) the (solution|answer|reasoning)",
        "(work out|reason through|think through) step by step {puzzle}",
        "(what's|what is) the (probability|chance|expected number) (that|of) {probability_event}, (show|explain) your "
        "(work|reasoning)",
    ),
    "complex_analysis": (
        "(compare|weigh|contrast|analyze) the (pros and cons|advantages and disadvantages|tradeoffs|costs and benefits|risks "
        "and benefits) of {decision_versus}",
        "(should I|is it better to) choose {decision_or}, (walk me through|help me think through|lay out) the (tradeoffs|pros "
        "and cons|options)",
        "(what are|list) the (pros and cons|tradeoffs|main differences|advantages) (of|between) {decision_and} for {situation}",
        "(give me|write) a (detailed|thorough|in depth) (comparison|analysis|breakdown) of {decision_versus}",
        "(analyze|critique|evaluate|review) (my|this) (business plan|argument|essay|strategy|budget|pitch deck|investment plan)",
        "(compare|contrast) {concept_pair} in detail",
        "help me decide between {decision_and}",
    ),
    "complex_plan": (
        "(plan|make|create|put together|organize|build|design) [me] {plan}",
        "(plan|organize) my (week|month|weekend|move|wedding|vacation|garden|semester)",
        "(give me|write|create) a (detailed|day by day|step by step|week by week) (itinerary|schedule|plan|roadmap) for {plan}",
        "help me (plan|organize|prepare) {plan}",
        "I need {plan}, can you (put it together|make one|help)",
    ),
    "complex_explain": (
        "explain (step by step|in detail|thoroughly|from first principles|with examples|at a graduate level) {process_clause}",
        "walk me through {process_clause} [(in detail|step by step)]",
        "(give me|write) a (detailed|complete|thorough|in depth) (explanation|breakdown|tutorial|guide) (of|on) {process_clause}",
        "I want a (deep dive|thorough explanation|detailed explanation) (into|of) {process_clause}",
        "(can you|could you) (teach me|explain) in depth {process_clause}",
        "explain the (history|causes|consequences) of {essay_topic} in detail",
    ),
    "complex_translate": (
        "translate (this|the following|this whole) (paragraph|email|letter|text|passage|document|message|article|page) "
        "(to|into) {language} {long_text}",
        "(can you|please) translate this (into|to) {language} {long_text}",
        "(how would you|can you) translate the following (into|to) {language} {long_text}",
        "translate {long_text} (into|to) {language}",
    ),
    "complex_help": (
        "(can|could) you help me {complex_help_task}",
        "I need (help|a hand|some help) to {complex_help_task}",
        "help me {complex_help_task}",
    ),
}
"""Requests that need reasoning, longer writing or code: the bigger model's work."""

CORPUS_PACKAGE = "chatterbot-corpus"
CORPUS_SKILL_WORDS = re.compile(
    r"\b(time|timer|timers|alarm|clock|date|today|tomorrow|weather|forecast|rain|snow|sunny|"
    r"temperature|degrees|turn on|turn off|switch|light|lights|lamp|volume|music|play|"
    r"shopping|list|buy|remind|reminder|minutes?|hours?|seconds?|news|hardware|memory|version|internet|"
    r"online|offline|e-?mail|call|phone|text|notes?|documents?|files?|manual|calculate|convert|percent)\b",
    re.IGNORECASE,
)
"""Corpus lines with these words are left out: they may belong to another label."""

CORPUS_FILE_LABELS: dict[str, str] = {"coding.yml": "complex"}
"""Label of a chatterbot-corpus file's first turns; files not named here are ``chat``."""

CORPUS_WEIGHTS: dict[str, float] = {"chat": 8.0, "complex": 1.0}
QUESTION_STARTS = (
    "what", "whats", "what's", "how", "is", "are", "when", "where", "which", "who", "do",
    "does", "will", "was", "were", "did", "why", "can", "could", "would", "should", "any",
    "according", "based", "in", "from", "if",
)
POLITE_PREFIXES = ("please", "can you", "could you", "would you", "hey", "ok")
IMPERATIVE_VERBS = frozenset((
    "turn", "switch", "set", "start", "stop", "add", "put", "open", "close", "tell", "give",
    "play", "pause", "resume", "remind", "cancel", "make", "change", "dim", "brighten", "lock",
    "unlock", "mute", "unmute", "skip", "read", "show", "check", "mark", "remove", "delete",
    "create", "raise", "lower", "increase", "decrease", "activate", "deactivate", "write",
    "explain", "help", "recommend", "suggest", "translate", "wake", "let", "vacuum", "clean",
    "return", "send", "run", "lift", "shut", "buy", "get", "grab", "pick", "note", "jot",
    "convert", "calculate", "compute", "divide", "multiply", "subtract", "take", "save", "list", "search",
    "find", "look", "summarize", "sum", "call", "text", "message", "email", "order", "book", "reserve",
    "navigate", "post", "tweet", "draft", "compose", "plan", "solve", "debug", "refactor", "implement",
    "compare", "analyze", "prove", "walk", "rewrite", "organize", "design", "dial", "pay", "transfer",
))

# fmt: on

Pool = Callable[[random.Random], str]


@dataclass(frozen=True)
class Template:
    """A parsed sentence with what it needs to be rendered."""

    sentence: Sentence
    rules: Mapping[str, Sentence]
    lists: Mapping[str, SlotList]
    name_domains: tuple[str, ...] = ()


@dataclass
class Source:
    """A group of sentences drawn for one label: one HA intent, one extra group, or the corpus."""

    key: str
    label: str
    weight: float
    templates: tuple[Template, ...] = ()
    texts: tuple[str, ...] = ()
    misses: int = 0

    def draw(self, rng: random.Random, pools: Mapping[str, Pool]) -> str:
        if self.texts:
            return rng.choice(self.texts)
        template = rng.choice(self.templates)
        return render(template, rng, pools)


def _choice(values: tuple[str, ...]) -> Pool:
    return lambda rng: rng.choice(values)


def _number_words(value: int) -> str:
    words = get_rbnf_engine(LANGUAGE).format_number(value).text_by_ruleset["spellout-cardinal"]
    return words


def _number(rng: random.Random, value: int, p_words: float = 0.4) -> str:
    if rng.random() < p_words:
        words = _number_words(value)
        return words.replace("-", " ") if rng.random() < 0.3 else words
    return str(value)


def _count_with_unit(rng: random.Random, value: int, unit: str, abbreviations: tuple[str, ...]) -> str:
    if value == 1 and rng.random() < 0.6:
        return rng.choice(("a", "one", "1")) + " " + unit
    number = _number(rng, value)
    if rng.random() < 0.15:
        return f"{number} {rng.choice(abbreviations)}"
    return f"{number} {unit}s"


COMMON_MINUTES = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 90)
COMMON_TIMER_VALUES: dict[str, tuple[int, ...]] = {
    "timer_hours": (1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 24),
    "timer_minutes": COMMON_MINUTES,
    "timer_seconds": (5, 10, 15, 20, 30, 40, 45, 50, 60, 90),
}


def duration(rng: random.Random) -> str:
    """A spoken duration such as "ten minutes" or "2 hours and 5 minutes"."""
    kind = rng.random()
    if kind < 0.08:
        return rng.choice(DURATION_PHRASES)
    if kind < 0.55:
        minutes = rng.choice(COMMON_MINUTES) if rng.random() < 0.7 else rng.randint(1, 120)
        return _count_with_unit(rng, minutes, "minute", ("min", "mins"))
    if kind < 0.7:
        seconds = rng.choice((10, 15, 20, 30, 40, 45, 60, 90)) if rng.random() < 0.7 else rng.randint(5, 120)
        return _count_with_unit(rng, seconds, "second", ("sec", "secs"))
    if kind < 0.8:
        return _count_with_unit(rng, rng.randint(1, 12), "hour", ("hr", "hrs"))
    hours = _count_with_unit(rng, rng.randint(1, 5), "hour", ("hr", "hrs"))
    minutes = _count_with_unit(rng, rng.randint(1, 59), "minute", ("min", "mins"))
    if rng.random() < 0.2:
        seconds = _count_with_unit(rng, rng.randint(1, 59), "second", ("sec", "secs"))
        return f"{hours} {minutes} and {seconds}"
    return f"{hours}{rng.choice((' and ', ' '))}{minutes}"


def clock_time(rng: random.Random) -> str:
    hour = rng.randint(1, 12)
    minute = rng.choice((0, 0, 0, 15, 30, 45, rng.randint(0, 59)))
    suffix = rng.choice(("", " am", " pm", " a.m.", " p.m.", " in the morning", " tonight"))
    style = rng.random()
    if minute == 0 and style < 0.3:
        return f"{_number(rng, hour)} o'clock{suffix if 'm' not in suffix else ''}"
    if minute == 0 and style < 0.5:
        return "noon" if rng.random() < 0.5 else "midnight"
    if minute == 30 and style < 0.7:
        return f"half past {_number(rng, hour)}"
    if minute == 15 and style < 0.7:
        return f"quarter past {_number(rng, hour)}"
    if minute == 0:
        return f"{hour}{suffix}"
    return f"{hour}:{minute:02d}{suffix}"


def when(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(("on {}", "{}", "{} morning", "{} night")).format(rng.choice(WEEKDAYS))
    return rng.choice(WHEN_PHRASES)


def temperature_value(rng: random.Random) -> str:
    value = rng.choice((rng.randint(16, 26), rng.randint(60, 78)))
    return rng.choice((str(value), f"{value} degrees", _number_words(value), f"{_number_words(value)} degrees"))


def percent(rng: random.Random) -> str:
    value = rng.choice((10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, rng.randint(1, 100)))
    return rng.choice((f"{value}%", f"{value} percent", f"{_number_words(value)} percent"))


def timer_command(rng: random.Random) -> str:
    pattern, targets = rng.choice(_TIMER_COMMAND_VERBS)
    target = rng.choice(targets)
    if rng.random() < 0.4:
        target = f"{rng.choice(ROOMS)} {target}"
    return pattern.format(target)


def fill(rng: random.Random, pattern: str) -> str:
    """A pool value with each ``{name}`` in it replaced by a value of ``PLACEHOLDERS[name]``."""
    return re.sub(r"\{(\w+)\}", lambda match: PLACEHOLDERS[match.group(1)](rng), pattern)


def _filled(values: tuple[str, ...]) -> Pool:
    return lambda rng: fill(rng, rng.choice(values))


def small_number(rng: random.Random) -> str:
    return _number(rng, rng.randint(2, 12), 0.5)


def decimal(rng: random.Random) -> str:
    whole, tenths = rng.randint(0, 500), rng.randint(1, 9)
    if rng.random() < 0.2:
        return f"{_number_words(whole)} point {_number_words(tenths)}"
    return f"{whole}.{tenths}" if rng.random() < 0.6 else f"{whole}.{rng.randint(10, 99)}"


def math_number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return _number(rng, rng.randint(2, 20), 0.35)
    if kind < 0.65:
        return _number(rng, rng.randint(21, 999), 0.2)
    if kind < 0.78:
        return _number(rng, rng.randint(1000, 99999), 0.1)
    if kind < 0.9:
        return decimal(rng)
    return rng.choice(ROUND_NUMBERS)


def arithmetic(rng: random.Random) -> str:
    """A spoken expression such as "234 times 7", sometimes typed with a symbol or a third term."""
    if rng.random() < 0.12:
        return f"{rng.randint(2, 999)} {rng.choice(ARITH_SYMBOLS)} {rng.randint(2, 999)}"
    expression = f"{math_number(rng)} {rng.choice(ARITH_OPERATORS)} {math_number(rng)}"
    if rng.random() < 0.15:
        expression += f" {rng.choice(ARITH_OPERATORS)} {small_number(rng)}"
    return expression


def number_list(rng: random.Random) -> str:
    numbers = [str(rng.randint(1, 120)) for _ in range(rng.randint(3, 6))]
    return ", ".join(numbers[:-1]) + " and " + numbers[-1]


def math_percent(rng: random.Random) -> str:
    value = rng.choice((5, 7.5, 10, 12, 12.5, 15, 18, 20, 22, 25, 30, 33, 40, 60, 75, 120, 150, rng.randint(1, 99)))
    return rng.choice((f"{value:g}%", f"{value:g} percent", f"{value:g} per cent"))


def money(rng: random.Random) -> str:
    amount = rng.choice((rng.randint(1, 99), rng.randint(10, 300), rng.randint(100, 5000)))
    style = rng.random()
    if style < 0.15:
        return f"${amount}"
    if style < 0.3:
        return f"{amount}.{rng.randint(10, 99)}"
    if style < 0.4:
        return f"{amount} dollars and {rng.randint(1, 99)} cents"
    return f"{_number(rng, amount, 0.2)} {rng.choice(MONEY_UNITS)}"


def _amount_of(rng: random.Random, unit: tuple[str, str]) -> str:
    kind = rng.random()
    if kind < 0.5:
        value = str(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 50, 100, rng.randint(1, 1000))))
    elif kind < 0.68:
        value = _number_words(rng.randint(1, 20))
    elif kind < 0.85:
        value = f"{rng.randint(0, 50)}.{rng.randint(1, 9)}"
    else:
        value = rng.choice(("half a", "a quarter of a", "a", "one", "a couple of", "a few"))
    singular = value in ("1", "one", "a", "half a", "a quarter of a")
    return f"{value} {unit[0] if singular else unit[1]}"


def _unit_pair(rng: random.Random) -> tuple[str, tuple[str, str], tuple[str, str]]:
    dimension = rng.choice(tuple(UNITS))
    source, target = rng.sample(UNITS[dimension], 2)
    return dimension, source, target


def unit_conversion(rng: random.Random) -> str:
    _, source, target = _unit_pair(rng)
    return f"{_amount_of(rng, source)} {rng.choice(('to', 'in', 'into', 'in'))} {target[1]}"


def how_many_conversion(rng: random.Random) -> str:
    """What follows "how many" in a conversion question: "cups in a liter", "ounces is 2 pounds"."""
    _, source, target = _unit_pair(rng)
    verb = rng.choice(("in", "are in", "are there in", "make", "is", "in", "fit in", "go into"))
    article = "an" if source[0][0] in "aeiou" else "a"
    amount = f"{rng.choice((article, article, 'one', 'each'))} {source[0]}" if rng.random() < 0.4 else _amount_of(rng, source)
    return f"{target[1]} {verb} {amount}"


def measure_question(rng: random.Random) -> str:
    dimension, source, target = _unit_pair(rng)
    return f"how {rng.choice(MEASURE_ADJECTIVES[dimension])} is {_amount_of(rng, source)} in {target[1]}"


def temperature_conversion(rng: random.Random) -> str:
    source, target = rng.sample(TEMPERATURE_UNITS, 2)
    degrees = rng.choice(("", "degrees ", "degrees ", "minus "))
    return f"{rng.randint(0, 450)} {degrees}{source} {rng.choice(('in', 'to', 'into'))} {target}"


def ordinal_day(rng: random.Random) -> str:
    day = rng.randint(1, 31)
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return rng.choice((f"{day}{suffix}", f"the {day}{suffix}", str(day)))


def relative_day(rng: random.Random) -> str:
    return rng.choice(RELATIVE_DAYS).format(rng.choice(WEEKDAYS))


def day_count(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return _count_with_unit(rng, rng.randint(1, 12), "week", ("wks",))
    return _count_with_unit(rng, rng.randint(2, 365), "day", ("days",))


def pin(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(4))
    return " ".join(digits) if rng.random() < 0.3 else digits


def phone_number(rng: random.Random) -> str:
    groups = (3, 3, 4) if rng.random() < 0.7 else (4, 3, 4)
    return " ".join("".join(str(rng.randint(0, 9)) for _ in range(n)) for n in groups)


def long_text(rng: random.Random) -> str:
    return " ".join(rng.sample(LONG_TEXT_SENTENCES, rng.randint(1, 3)))


def _joined(pairs: tuple[tuple[str, str], ...], joiners: tuple[str, ...]) -> Pool:
    return lambda rng: f" {rng.choice(joiners)} ".join(rng.choice(pairs))


PLACEHOLDERS: dict[str, Pool] = {
    "word": _choice(NOTE_WORDS),
    "number": lambda rng: str(rng.randint(2, 200)),
    "small": lambda rng: _number(rng, rng.randint(2, 9), 0.5),
    "pin": pin,
    "phone": phone_number,
    "letter": lambda rng: rng.choice("abcdefghjk"),
    "weekday": _choice(WEEKDAYS),
    "month": _choice(MONTHS),
    "day": ordinal_day,
    "ordinal": ordinal_day,
    "person": _choice(PEOPLE),
    "person_famous": _choice(PEOPLE_FAMOUS),
    "money": money,
    "hiding": _choice(NOTE_HIDING_PLACES),
    "clock": clock_time,
    "duration": duration,
    "when": when,
    "thing": _choice(NOTE_THINGS),
    "room": _choice(ROOMS),
    "topic": _choice(TOPICS),
    "item": _choice(SHOPPING_ITEMS),
    "food": _choice(SHOPPING_ITEMS),
    "bill": _choice(BILLS),
    "color": _choice(COLORS),
    "store": _choice(STORES),
    "city": _choice(CITIES),
    "zone": _choice(ZONES),
    "country": _choice(COUNTRIES),
    "restaurant": _choice(RESTAURANTS),
    "subject": _choice(SUBJECTS),
    "song": _choice(SEARCH_QUERIES),
    "company": _choice(COMPANIES),
}
"""Values for the ``{name}`` placeholders inside pool values (NOTE_FACTS, BOOKINGS, PLANS...)."""


def _device_names() -> dict[str, tuple[str, ...]]:
    lights = tuple(f"{place} {noun}" for place in _LIGHT_PLACES for noun in _LIGHT_NOUNS)
    return {
        "light": lights,
        "switch": _SWITCHES,
        "input_boolean": _SWITCHES,
        "fan": _FANS,
        "cover": _COVERS,
        "valve": _VALVES,
        "lock": _LOCKS,
        "climate": _CLIMATE,
        "media_player": _MEDIA_PLAYERS,
        "vacuum": _VACUUMS,
        "lawn_mower": _MOWERS,
        "scene": _SCENES,
        "script": _SCRIPTS,
        "button": _BUTTONS,
        "input_button": _BUTTONS,
        "sensor": _SENSORS,
        "binary_sensor": _BINARY_SENSORS,
        "person": PEOPLE,
        "weather": CITIES,
        "todo": TODO_LIST_NAMES,
    }


DEVICE_NAMES: dict[str, tuple[str, ...]] = _device_names()
ANY_DEVICE_DOMAINS: tuple[str, ...] = ("light", "light", "switch", "fan", "cover", "lock", "climate", "media_player", "vacuum")


def build_pools() -> dict[str, Pool]:
    """Values for every list a template may reference, HA wildcards and areas included."""
    all_devices = (
        tuple(name for domain in ("switch", "fan", "media_player", "climate", "vacuum") for name in DEVICE_NAMES[domain])
        + DEVICE_NAMES["light"][::4]
    )
    return {
        "area": _choice(ROOMS),
        "floor": _choice(FLOORS),
        "zone": _choice(ZONES),
        "message": _choice(MESSAGES),
        "search_query": _choice(SEARCH_QUERIES),
        "timer_name": _choice(TIMER_NAMES),
        "timer_command": timer_command,
        "shopping_list_item": _choice(SHOPPING_ITEMS),
        "todo_list_item": _choice(TODO_ITEMS),
        "duration": duration,
        "clock_time": clock_time,
        "when": when,
        "weekday": _choice(WEEKDAYS),
        "month": _choice(MONTHS),
        "city": _choice(CITIES),
        "percent": percent,
        "temperature_value": temperature_value,
        "todo_item": _choice(TODO_ITEMS),
        "todo_name": _choice(TODO_LIST_NAMES),
        "shopping_item": _choice(SHOPPING_ITEMS),
        "light_name": _choice(DEVICE_NAMES["light"]),
        "device_name": _choice(all_devices),
        "lock_name": _choice(_LOCKS),
        "cover_name": _choice(_COVERS),
        "media_name": _choice(_MEDIA_PLAYERS),
        "vacuum_name": _choice(_VACUUMS),
        "concept": _choice(CONCEPTS),
        "concept_pair": lambda rng: " and ".join(rng.choice(CONCEPT_PAIRS)),
        "concept_or": lambda rng: " or ".join(rng.choice(CONCEPT_PAIRS)),
        "concept_versus": lambda rng: rng.choice((" vs ", " versus ", " or ")).join(rng.choice(CONCEPT_PAIRS)),
        "famous_person": _choice(PEOPLE_FAMOUS),
        "howto": _choice(HOWTO_TASKS),
        "topic": _choice(TOPICS),
        "media_kind": _choice(MEDIA_KINDS),
        "phrase": _choice(PHRASES),
        "language": _choice(LANGUAGES),
        "mood": _choice(MOODS),
        "food": _choice(FOODS),
        "country": _choice(COUNTRIES),
        "device_noun": _choice(DEVICE_NOUNS),
        "weather_phenomenon": _choice(WEATHER_PHENOMENA),
        "alarm_name": _choice(ALARM_NAMES),
        "alarm_day": _choice(ALARM_DAYS),
        "holiday": _choice(HOLIDAYS),
        "relative_day": relative_day,
        "day_of_month": ordinal_day,
        "duration_days": day_count,
        "arith": arithmetic,
        "number": math_number,
        "small_number": small_number,
        "number_list": number_list,
        "decimal": decimal,
        "fraction": _choice(FRACTIONS),
        "money": money,
        "math_percent": math_percent,
        "conversion": unit_conversion,
        "how_many_conversion": how_many_conversion,
        "measure_question": measure_question,
        "temperature_conversion": temperature_conversion,
        "note_fact": _filled(NOTE_FACTS),
        "note_topic": _choice(NOTE_TOPICS),
        "reminder_task": _filled(REMINDER_TASKS),
        "reminder_time": _filled(REMINDER_TIMES),
        "person": _choice(PEOPLE),
        "assistant_part": _choice(ASSISTANT_PARTS),
        "resource": _choice(RESOURCES),
        "hardware": _choice(HARDWARE),
        "doc_kind": _choice(DOC_KINDS),
        "doc_added": _choice(DOC_ADDED),
        "doc_subject": _choice(DOC_SUBJECTS),
        "doc_topic": _choice(DOC_TOPICS),
        "doc_question": _choice(DOC_QUESTIONS),
        "kb_place": _choice(KB_PLACES),
        "appliance": _choice(APPLIANCES),
        "manual_task": _choice(MANUAL_TASKS),
        "manual_topic": _choice(MANUAL_TOPICS),
        "contact": _choice(CONTACTS),
        "message_body": _choice(MESSAGE_BODIES),
        "call_app": _choice(CALL_APPS),
        "message_app": _choice(MESSAGE_APPS),
        "phone_number": phone_number,
        "online_store": _choice(ONLINE_STORES),
        "product": _choice(PRODUCTS),
        "food_order": _choice(FOOD_ORDERS),
        "restaurant": _choice(RESTAURANTS),
        "booking": _filled(BOOKINGS),
        "place": _filled(PLACES_TO_GO),
        "poi": _choice(POINTS_OF_INTEREST),
        "music_service": _choice(MUSIC_SERVICES),
        "video_service": _choice(VIDEO_SERVICES),
        "show": _choice(SHOWS),
        "social_network": _choice(SOCIAL_NETWORKS),
        "social_post": _choice(SOCIAL_POSTS),
        "company": _choice(COMPANIES),
        "sports_team": _choice(SPORTS_TEAMS),
        "news_topic": _choice(NEWS_TOPICS),
        "crypto": _choice(CRYPTO),
        "currency_pair": _choice(CURRENCY_PAIRS),
        "local_business": _choice(LOCAL_BUSINESSES),
        "web_query": _filled(WEB_QUERIES),
        "payment_app": _choice(PAYMENT_APPS),
        "bill": _choice(BILLS),
        "vocab_word": _choice(VOCAB_WORDS),
        "famous_work": _choice(FAMOUS_WORKS),
        "short_creation": _choice(SHORT_CREATIONS),
        "chat_help_task": _choice(CHAT_HELP_TASKS),
        "complex_help_task": _choice(COMPLEX_HELP_TASKS),
        "programming_language": _choice(PROGRAMMING_LANGUAGES),
        "code_artifact": _choice(CODE_ARTIFACTS),
        "code_task": _choice(CODE_TASKS),
        "code_problem": _choice(CODE_PROBLEMS),
        "algorithm": _choice(ALGORITHMS),
        "app_kind": _choice(APP_KINDS),
        "long_writing": _choice(LONG_WRITINGS),
        "recipient": _choice(RECIPIENTS),
        "issue": _choice(ISSUES),
        "word_count": lambda rng: rng.choice(("500", "1000", "two thousand", "300", "800", "five hundred")),
        "story_kind": _choice(STORY_KINDS),
        "essay_topic": _choice(ESSAY_TOPICS),
        "job": _choice(JOBS),
        "occasion": _choice(OCCASIONS),
        "puzzle": _choice(PUZZLES),
        "theorem": _choice(THEOREMS),
        "probability_event": _choice(PROBABILITY_EVENTS),
        "decision_versus": _joined(DECISION_PAIRS, ("versus", "vs", "or", "compared to", "and")),
        "decision_or": _joined(DECISION_PAIRS, ("or",)),
        "decision_and": _joined(DECISION_PAIRS, ("and",)),
        "situation": _choice(SITUATIONS),
        "plan": _filled(PLANS),
        "process_clause": _choice(PROCESS_CLAUSES),
        "long_text": long_text,
        "superlative": _choice(SUPERLATIVES),
        "trivia_thing": _choice(TRIVIA_THINGS),
        "landmark": _choice(LANDMARKS),
        "historic_event": _choice(HISTORIC_EVENTS),
        "discovery": _choice(DISCOVERIES),
        "element": _choice(ELEMENTS),
        "countable_fact": _filled(COUNTABLE_FACTS),
        "animal": lambda rng: rng.choice(ANIMALS)[1],
        "animal_singular": lambda rng: rng.choice(ANIMALS)[0],
        "doc_owner": _choice(DOC_OWNERS),
        "doc_plural": _choice(DOC_PLURALS),
        "fact": lambda rng: rng.choice(QUESTION_FACTS).format(country=rng.choice(COUNTRIES), city=rng.choice(CITIES)),
    }


def _range_value(rng: random.Random, ref: ListReference, slot_list: RangeSlotList) -> str:
    start, stop, step = slot_list.start, slot_list.stop, slot_list.step
    if ref.list_name == "timer_hours":
        stop = min(stop, 24)
    if ref.list_name in COMMON_TIMER_VALUES and rng.random() < 0.6:
        common = [m for m in COMMON_TIMER_VALUES[ref.list_name] if start <= m <= stop]
        value = rng.choice(common) if common else rng.randrange(start, stop + 1, step)
    else:
        value = rng.randrange(start, stop + 1, step)
    if slot_list.fraction_type is not None and value < stop and rng.random() < 0.15:
        return f"{value}.5"
    p_words = 0.0 if not slot_list.words else (1.0 if not slot_list.digits else 0.4)
    return _number(rng, value, p_words)


def _expand(expr: Expression, template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    """Walk a hassil expression choosing one branch at random.

    hassil.sample.sample_expression enumerates the full product in template order
    (HassGetState alone expands to over a million skeletons before any slot value), so a
    cap on it keeps only the first alternatives; one random walk per sentence does not.
    """
    if isinstance(expr, TextChunk):
        return expr.original_text
    if isinstance(expr, Alternative):
        return _expand(rng.choice(expr.items), template, rng, pools)
    if isinstance(expr, Permutation):
        items = list(expr.items)
        rng.shuffle(items)
        return " ".join(_expand(item, template, rng, pools) for item in items)
    if isinstance(expr, Sequence):
        return "".join(_expand(item, template, rng, pools) for item in expr.items)
    if isinstance(expr, RuleReference):
        return _expand(template.rules[expr.rule_name].expression, template, rng, pools)
    if isinstance(expr, ListReference):
        return _list_value(expr, template, rng, pools)
    raise TypeError(f"unexpected hassil expression {type(expr).__name__}")


def _list_value(ref: ListReference, template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    if ref.is_inline_range:
        bounds = ref.get_inline_range()
        assert bounds is not None
        return _number(rng, rng.randrange(bounds[0], bounds[1] + 1, bounds[2]))
    if ref.list_name == "name":
        domain = rng.choice(template.name_domains or ANY_DEVICE_DOMAINS)
        return rng.choice(DEVICE_NAMES.get(domain) or DEVICE_NAMES["switch"])
    if ref.list_name in pools:
        return pools[ref.list_name](rng)
    slot_list = template.lists.get(ref.list_name)
    if isinstance(slot_list, TextSlotList):
        value = rng.choice(slot_list.values)
        return _expand(value.text_in, template, rng, pools)
    if isinstance(slot_list, RangeSlotList):
        return _range_value(rng, ref, slot_list)
    if isinstance(slot_list, WildcardSlotList):
        raise KeyError(f"no value pool for wildcard list {{{ref.list_name}}}")
    raise KeyError(f"no values for list {{{ref.list_name}}}")


def render(template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    text = _expand(template.sentence.expression, template, rng, pools)
    return normalize_whitespace(text).strip().replace(" ,", ",")


def _domains(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return ()


def load_intents() -> Intents:
    raw = get_intents(LANGUAGE)
    if raw is None:
        raise RuntimeError("home-assistant-intents has no English templates")
    return Intents.from_dict(raw)


def ha_sources(intents: Intents) -> list[Source]:
    """One Source per English HA intent named in HA_INTENT_LABELS."""
    sources = []
    for name, intent in intents.intents.items():
        label = HA_INTENT_LABELS.get(name)
        if label is None:
            continue
        templates = []
        for data in intent.data:
            domains = (
                _domains(data.requires_context.get("domain"))
                or _domains(data.slots.get("domain"))
                or NAME_DOMAINS_BY_INTENT.get(name, ())
            )
            rules = {**intents.expansion_rules, **data.expansion_rules}
            lists = {**intents.slot_lists, **data.slot_lists}
            templates.extend(Template(s, rules, lists, domains) for s in data.sentences)
        sources.append(Source(name, label, SOURCE_WEIGHTS.get(name, 1.0), tuple(templates)))
    missing = sorted(set(HA_INTENT_LABELS) - {s.key for s in sources})
    if missing:
        raise RuntimeError(f"intents missing from home-assistant-intents: {missing}")
    return sources


def template_sources(intents: Intents, groups: Mapping[str, tuple[str, tuple[str, ...]]]) -> list[Source]:
    """Sources for templates written here; they may use HA's expansion rules and lists."""
    sources = []
    for key, (label, texts) in groups.items():
        templates = tuple(Template(parse_sentence(t), intents.expansion_rules, intents.slot_lists) for t in texts)
        sources.append(Source(key, label, SOURCE_WEIGHTS.get(key, 1.0), templates))
    return sources


def corpus_lines(label: str) -> tuple[str, ...]:
    """First turns of the chatterbot-corpus English files of one label, minus lines naming other labels' words."""
    try:
        root = importlib.resources.files("chatterbot_corpus") / "data" / "english"
    except ModuleNotFoundError as err:
        raise ImportError(f"the chat corpus needs `pip install --no-deps {CORPUS_PACKAGE}`") from err
    lines: dict[str, None] = {}
    files = sorted((p for p in root.iterdir() if p.name.endswith(".yml")), key=lambda p: p.name)
    for path in (p for p in files if CORPUS_FILE_LABELS.get(p.name, "chat") == label):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8")).get("conversations", []):
            text = " ".join(str(conversation[0]).split())
            if 2 <= len(text.split()) <= 30 and not CORPUS_SKILL_WORDS.search(text):
                lines.setdefault(text, None)
    return tuple(lines)


def extra_templates(include_extra: bool) -> dict[str, tuple[str, tuple[str, ...]]]:
    """EXTRA_TEMPLATES, or without it only the groups of labels that Home Assistant has no intents for."""
    ha_labels = set(HA_INTENT_LABELS.values())
    return {key: group for key, group in EXTRA_TEMPLATES.items() if include_extra or group[0] not in ha_labels}


def all_sources(include_extra: bool = True) -> list[Source]:
    intents = load_intents()
    sources = ha_sources(intents)
    sources += template_sources(intents, extra_templates(include_extra))
    sources += template_sources(intents, {key: ("chat", texts) for key, texts in CHAT_TEMPLATES.items()})
    sources += template_sources(intents, {key: ("complex", texts) for key, texts in COMPLEX_TEMPLATES.items()})
    for label, weight in CORPUS_WEIGHTS.items():
        key = "chatterbot-corpus" if label == "chat" else f"chatterbot-corpus-{label}"
        sources.append(Source(key, label, weight, texts=corpus_lines(label)))
    return sources


def augment(text: str, rng: random.Random) -> str:
    """Politeness words (HA's skip words), casing and end punctuation, at low rates."""
    first = text.split(" ", 1)[0].lower()
    is_question = first in QUESTION_STARTS
    if not is_question and rng.random() < 0.12:
        prefixes = POLITE_PREFIXES if first in IMPERATIVE_VERBS else ("please", "hey", "ok")
        text = f"{rng.choice(prefixes)} {text}"
    elif not is_question and rng.random() < 0.06:
        text = f"{text} {rng.choice(('please', 'for me'))}"
    if rng.random() < 0.3:
        text = text[:1].upper() + text[1:]
    if text[-1:].isalnum() and rng.random() < 0.3:
        text += "?" if is_question else rng.choice((".", "!"))
    return text


def normalise(text: str) -> str:
    """The key under which two sentences count as the same."""
    return " ".join(re.sub(r"[^\w' ]", " ", text.casefold()).split())


def generate_with_sources(
    seed: int = 0, per_label: int = DEFAULT_PER_LABEL, include_extra: bool = True
) -> list[tuple[str, str, str]]:
    """Like generate, with the key of the Source each row came from (HA intent, template group or corpus)."""
    rng = random.Random(seed)
    pools = build_pools()
    sources = all_sources(include_extra)
    seen: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    for label in LABELS:
        active = [s for s in sources if s.label == label]
        count = 0
        while count < per_label and active:
            source = rng.choices(active, weights=[s.weight for s in active])[0]
            text = source.draw(rng, pools)
            if not source.texts:
                text = augment(text, rng)
            key = normalise(text)
            if key in seen:
                source.misses += 1
                if source.misses >= MAX_CONSECUTIVE_MISSES:
                    active.remove(source)
                continue
            source.misses = 0
            seen.add(key)
            rows.append((text, label, source.key))
            count += 1
    return rows


def generate(seed: int = 0, per_label: int = DEFAULT_PER_LABEL, include_extra: bool = True) -> list[tuple[str, str]]:
    """Up to ``per_label`` unique (text, label) rows per label, the same for the same arguments."""
    return [(text, label) for text, label, _ in generate_with_sources(seed, per_label, include_extra)]


def write_csv(rows: Iterable[tuple[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("text", "label"))
        writer.writerows(rows)


def read_csv(path: Path) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


def versions() -> dict[str, str]:
    return {pkg: importlib.metadata.version(pkg) for pkg in ("hassil", "home-assistant-intents", CORPUS_PACKAGE)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="CSV to write (columns text,label)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-label", type=int, default=DEFAULT_PER_LABEL)
    parser.add_argument("--no-extra", action="store_true", help="skill sentences from home-assistant-intents only")
    args = parser.parse_args(argv)
    rows = generate(args.seed, args.per_label, include_extra=not args.no_extra)
    write_csv(rows, args.out)
    counts = {label: sum(1 for _, lab in rows if lab == label) for label in LABELS}
    print(f"{len(rows)} rows -> {args.out}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
