"""Block Kit checker reporting payloads that Slack would reject or that break documented limits."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final, Literal

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MAX_MESSAGE_BLOCKS: Final = 50
MAX_VIEW_BLOCKS: Final = 100
MAX_MESSAGE_TEXT: Final = 40_000

# What a rule asserts about the value(s) its path points at:
#   max_len  - a string is at most N characters
#   max_items - a list holds at most N items
#   max_value - a number is at most N
#   required_text - a text object is present and its "text" is a non-empty string
Check = Literal["max_len", "max_items", "max_value", "required_text"]
Rule = tuple[Check, str, int]

# Rule paths are dotted keys; "name[]" means "every item of the list under name".
_CONFIRM_RULES: Final[tuple[Rule, ...]] = (
    ("required_text", "title", 0),
    ("required_text", "text", 0),
    ("required_text", "confirm", 0),
    ("required_text", "deny", 0),
    ("max_len", "title.text", 100),
    ("max_len", "text.text", 300),
    ("max_len", "confirm.text", 30),
    ("max_len", "deny.text", 30),
)
_OPTION_RULES: Final[tuple[Rule, ...]] = (
    ("required_text", "text", 0),
    ("max_len", "text.text", 75),
    ("max_len", "value", 150),
    ("max_len", "description.text", 75),
    ("max_len", "url", 3000),
)
_STATIC_SELECT_RULES: Final[tuple[Rule, ...]] = (
    ("max_items", "options", 100),
    ("max_items", "option_groups", 100),
)

# Limits per Block Kit object type (blocks, elements, and the untyped option/confirm objects).
_RULES: Final[dict[str, tuple[Rule, ...]]] = {
    "section": (
        ("max_len", "text.text", 3000),
        ("max_items", "fields", 10),
        ("max_len", "fields[].text", 2000),
    ),
    "header": (("required_text", "text", 0), ("max_len", "text.text", 150)),
    "context": (("max_items", "elements", 10),),
    "actions": (("max_items", "elements", 25),),
    "input": (
        ("required_text", "label", 0),
        ("max_len", "label.text", 2000),
        ("max_len", "hint.text", 2000),
    ),
    "image": (
        ("max_len", "image_url", 3000),
        ("max_len", "alt_text", 2000),
        ("max_len", "title.text", 2000),
    ),
    "button": (
        ("required_text", "text", 0),
        ("max_len", "text.text", 75),
        ("max_len", "value", 2000),
        ("max_len", "url", 3000),
    ),
    "plain_text_input": (("max_value", "max_length", 3000), ("max_value", "min_length", 3000)),
    "static_select": _STATIC_SELECT_RULES,
    "multi_static_select": _STATIC_SELECT_RULES,
    "overflow": (("max_items", "options", 5),),
    "radio_buttons": (("max_items", "options", 10),),
    "checkboxes": (("max_items", "options", 10),),
    "option": _OPTION_RULES,
    "option_group": (
        ("required_text", "label", 0),
        ("max_len", "label.text", 75),
        ("max_items", "options", 100),
    ),
    "confirm": _CONFIRM_RULES,
}

# Applied to every top-level block, whatever its type.
_BLOCK_RULES: Final[tuple[Rule, ...]] = (("max_len", "block_id", 255),)
# Applied to every nested typed element (buttons, selects, inputs...), whatever its type.
_ELEMENT_RULES: Final[tuple[Rule, ...]] = (
    ("max_len", "action_id", 255),
    ("max_len", "placeholder.text", 150),
)
_VIEW_RULES: Final[tuple[Rule, ...]] = (
    ("max_len", "private_metadata", 3000),
    ("max_len", "callback_id", 255),
    ("max_len", "external_id", 255),
)
_MODAL_RULES: Final[tuple[Rule, ...]] = (
    ("required_text", "title", 0),
    ("max_len", "title.text", 24),
    ("max_len", "submit.text", 24),
    ("max_len", "close.text", 24),
)

# Where nested objects live. The second item names the rule set for objects that carry no
# "type" of their own (options, option groups, confirm dialogs); None means "use its type".
_Slot = tuple[str, str | None]
_DEFAULT_SLOTS: Final[tuple[_Slot, ...]] = (
    ("accessory", None),
    ("element", None),
    ("elements[]", None),
    ("options[]", "option"),
    ("option_groups[]", "option_group"),
    ("initial_option", "option"),
    ("initial_options[]", "option"),
    ("confirm", "confirm"),
)
_SLOTS: Final[dict[str, tuple[_Slot, ...]]] = {
    # Rich text has its own deep element tree with no documented limits we enforce.
    "rich_text": (),
    "option": (),
    "confirm": (),
    "option_group": (("options[]", "option"),),
}
# The slots whose children are the block's own interactive elements (for action_id uniqueness).
_ELEMENT_SLOTS: Final = ("accessory", "element", "elements[]")


def _resolve(obj: Any, path: str, where: str) -> list[tuple[str, Any]]:
    """Return (location, value) pairs that a rule path points at; missing keys yield nothing."""
    found: list[tuple[str, Any]] = [(where, obj)]
    for segment in path.split("."):
        each = segment.endswith("[]")
        key = segment[:-2] if each else segment
        step: list[tuple[str, Any]] = []
        for loc, value in found:
            if not isinstance(value, Mapping) or key not in value or value[key] is None:
                continue
            child, child_loc = value[key], f"{loc}.{key}" if loc else key
            if not each:
                step.append((child_loc, child))
            elif isinstance(child, list):
                step.extend((f"{child_loc}[{i}]", item) for i, item in enumerate(child))
        found = step
    return found


def _apply(rule: Rule, obj: Mapping[str, Any], where: str) -> Iterator[str]:
    """Yield a problem for every value that breaks one rule."""
    check, path, limit = rule
    hits = _resolve(obj, path, where)
    if check == "required_text":
        if not hits:
            yield f"{where}.{path}: required text object is missing"
        for loc, value in hits:
            text = value.get("text") if isinstance(value, Mapping) else None
            if not isinstance(text, str) or text == "":
                yield f"{loc}: text must be a non-empty string"
        return
    for loc, value in hits:
        if check == "max_len":
            if not isinstance(value, str):
                yield f"{loc}: expected a string, got {type(value).__name__}"
            elif len(value) > limit:
                yield f"{loc}: {len(value)} characters, limit {limit}"
        elif check == "max_items":
            if not isinstance(value, list):
                yield f"{loc}: expected a list, got {type(value).__name__}"
            elif len(value) > limit:
                yield f"{loc}: {len(value)} items, limit {limit}"
        elif isinstance(value, bool) or not isinstance(value, int | float):
            yield f"{loc}: expected a number, got {type(value).__name__}"
        elif value > limit:
            yield f"{loc}: {value} exceeds limit {limit}"


def _check_object(
    obj: Mapping[str, Any], kind: str, where: str, extra: Sequence[Rule] = ()
) -> Iterator[str]:
    """Apply the rules for one object and recurse into its nested elements."""
    for rule in (*extra, *_RULES.get(kind, ())):
        yield from _apply(rule, obj, where)
    for slot, untyped_kind in _SLOTS.get(kind, _DEFAULT_SLOTS):
        for loc, child in _resolve(obj, slot, where):
            if not isinstance(child, Mapping):
                yield f"{loc}: expected an object, got {type(child).__name__}"
                continue
            if untyped_kind is not None:
                yield from _check_object(child, untyped_kind, loc)
            else:
                yield from _check_object(child, str(child.get("type")), loc, _ELEMENT_RULES)


def _sdk_block_problem(block: Mapping[str, Any]) -> str | None:
    """Return slack_sdk's objection to a block, or None when it parses and serializes."""
    try:
        parsed = Block.parse(dict(block))
        if parsed is None:
            return f"unknown block type {block.get('type')!r}"
        parsed.to_dict()
    except Exception as exc:  # slack_sdk raises several exception types for bad input
        return f"slack_sdk rejects it: {exc}"
    return None


def check_blocks(blocks: Any, *, max_blocks: int = MAX_MESSAGE_BLOCKS) -> list[str]:
    """Return the problems in a list of blocks (no message- or view-level checks)."""
    if not isinstance(blocks, list):
        return [f"blocks: expected a list, got {type(blocks).__name__}"]
    problems: list[str] = []
    if len(blocks) > max_blocks:
        problems.append(f"blocks: {len(blocks)} blocks, limit {max_blocks}")
    block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        where = f"blocks[{index}]"
        if not isinstance(block, Mapping):
            problems.append(f"{where}: expected an object, got {type(block).__name__}")
            continue
        sdk_problem = _sdk_block_problem(block)
        if sdk_problem is not None:
            problems.append(f"{where}: {sdk_problem}")
        block_id = block.get("block_id")
        if isinstance(block_id, str):
            if block_id in block_ids:
                problems.append(f"{where}.block_id: duplicate block_id {block_id!r}")
            block_ids.add(block_id)
        problems.extend(_check_object(block, str(block.get("type")), where, _BLOCK_RULES))
        problems.extend(_duplicate_action_ids(block, where))
    return problems


def _duplicate_action_ids(block: Mapping[str, Any], where: str) -> Iterator[str]:
    """Yield a problem for each action_id that repeats among one block's elements."""
    if block.get("type") == "rich_text":
        return
    seen: set[str] = set()
    for slot in _ELEMENT_SLOTS:
        for loc, element in _resolve(block, slot, where):
            action_id = element.get("action_id") if isinstance(element, Mapping) else None
            if not isinstance(action_id, str):
                continue
            if action_id in seen:
                yield f"{loc}.action_id: duplicate action_id {action_id!r} within the block"
            seen.add(action_id)


def check_message(*, text: str | None, blocks: list[dict[str, Any]] | None) -> list[str]:
    """Return the problems in a message payload (top-level text plus blocks)."""
    problems: list[str] = []
    if text is not None and not isinstance(text, str):
        problems.append(f"text: expected a string, got {type(text).__name__}")
    elif text is not None and len(text) > MAX_MESSAGE_TEXT:
        problems.append(f"text: {len(text)} characters, limit {MAX_MESSAGE_TEXT}")
    if blocks:
        if not text:
            # Slack shows the top-level text in notifications and screen readers.
            problems.append("text: a message with blocks needs a fallback top-level text")
        problems.extend(check_blocks(blocks, max_blocks=MAX_MESSAGE_BLOCKS))
    elif blocks is not None and not isinstance(blocks, list):
        problems.extend(check_blocks(blocks))
    return problems


def check_view(view: Any) -> list[str]:
    """Return the problems in a modal or home tab view payload."""
    if not isinstance(view, Mapping):
        return [f"view: expected an object, got {type(view).__name__}"]
    view_type = view.get("type")
    if view_type not in ("modal", "home"):
        return [f"view.type: must be 'modal' or 'home', got {view_type!r}"]
    blocks = view.get("blocks", [])
    block_problems = check_blocks(blocks, max_blocks=MAX_VIEW_BLOCKS)
    problems: list[str] = []
    try:
        View(**view).to_dict()
    except Exception as exc:  # slack_sdk raises several exception types for bad input
        # The View walks its blocks too; skip what the per-block pass already reported.
        if not any(str(exc) in problem for problem in block_problems):
            problems.append(f"view: slack_sdk rejects it: {exc}")
    for rule in _VIEW_RULES:
        problems.extend(_apply(rule, view, "view"))
    if view_type == "modal":
        for rule in _MODAL_RULES:
            problems.extend(_apply(rule, view, "view"))
        has_input = isinstance(blocks, list) and any(
            isinstance(b, Mapping) and b.get("type") == "input" for b in blocks
        )
        if has_input and view.get("submit") is None:
            problems.append("view.submit: a modal with input blocks needs a submit button")
    problems.extend(f"view.{problem}" for problem in block_problems)
    return problems


def assert_valid_message(*, text: str | None, blocks: list[dict[str, Any]] | None) -> None:
    """Raise AssertionError listing every problem in a message payload."""
    problems = check_message(text=text, blocks=blocks)
    if problems:
        raise AssertionError("invalid message:\n  " + "\n  ".join(problems))


def assert_valid_view(view: Any) -> None:
    """Raise AssertionError listing every problem in a view payload."""
    problems = check_view(view)
    if problems:
        raise AssertionError("invalid view:\n  " + "\n  ".join(problems))
