// Spec texts for the PDF tests: an English one long enough for several pages of the standard (clauses,
// subclauses, a list, a table, a code block, BCP 14 keywords), and a hostile one whose text tries to run script and
// fetch from the network (`{origin}` is the address of a server the test watches).

/** `spec/widget-events.md`: an English spec. */
export const ENGLISH_SPEC = `# Widget Events

## Overview

This specification defines how widgets publish events to subscribers over a message bus.

## Conventions

The key words "MUST", "MUST NOT", "SHOULD" and "MAY" in this document are to be interpreted as described in RFC 2119.

## Event format

### Envelope

Every event MUST carry an envelope with an identifier, a source and a time. A producer SHOULD use a UUID as the
identifier. A consumer MUST NOT reject an event because of an unknown envelope field.

| Field | Type | Meaning |
| --- | --- | --- |
| id | string | The identifier of the event |
| source | URI | The widget that produced it |
| time | timestamp | When it happened |

### Payload

The payload MAY be empty. When present it MUST be a JSON object:

\`\`\`json
{ "id": "5e86", "source": "urn:widget:1", "time": "2024-01-01T00:00:00Z", "data": {} }
\`\`\`

## Delivery

### Ordering

A bus MUST deliver the events of one source in the order they were published. Events of different sources MAY
arrive in any order.

### Retries

A bus SHOULD retry a failed delivery with an exponential backoff:

- the first retry after one second;
- the second retry after two seconds;
- further retries at most every sixty seconds.

A subscriber MUST acknowledge an event within thirty seconds.

## Security

A bus MUST authenticate every producer. A subscriber SHOULD verify the signature of every event before it
acts on it.
`;

/** `spec/hostile.md`: spec text that tries to run script and to fetch. */
export const hostileSpec = (origin: string): string => `# Hostile Widgets

## Rendering

<script>document.body.append('SCRIPT' + 'RAN'); fetch('${origin}/script-fetch')</script>

Inline <img src=x onerror="document.body.append('ONERROR' + 'RAN')"> and <img src="${origin}/raw-img.png"> MUST stay text.

![diagram](${origin}/spec-image.png "Flow")

<link rel="stylesheet" href="${origin}/style.css">

<iframe src="${origin}/frame"></iframe>

## Delivery

A bus MUST deliver every event.
`;
