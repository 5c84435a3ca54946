"""Reading the bank's report of returned direct debits: camt.054 or, for banks without it, CSV.

camt.054 (BankToCustomerDebitCreditNotification, ISO 20022, versions .001.02 and .001.08): every
transaction with return information (``RtrInf``) is a returned debit; it names the original
``EndToEndId`` (and ``MsgId``/``PmtInfId``) and a reason code (``RtrInf/Rsn/Cd``: AC04, AM04,
MD06, MS02, …). Entries without ``RtrInf`` (e.g. the credit for a collected batch) are ignored.

CSV (semicolon-separated, UTF-8 or Windows-1252, a header row; further columns are ignored):

    end_to_end_id;amount;return_date;reason_code
    BPZ-2027-ABCDEFGHJK;127,50;2027-01-20;AM04

amounts with a decimal comma or point, dates as ``2027-01-20`` or ``20.01.2027``.

The type is recognised by content, never by file name. A file with a DOCTYPE is refused (a
camt.054 has none, and it is how entity tricks come in); expat (>= 2.4.1) also limits entity
expansion.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

CAMT054_NAMESPACES = {
    "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02",
    "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08",
}
CSV_COLUMNS = ("end_to_end_id", "amount", "return_date", "reason_code")
MAX_BYTES = 20 * 1024 * 1024


class ReturnFileInvalid(Exception):
    """The file is not a readable camt.054 or returns CSV; the message says why (for staff)."""


@dataclass(frozen=True)
class ReturnLine:
    """One returned debit as the bank reports it."""

    end_to_end_id: str
    amount_cents: int
    return_date: date
    reason_code: str
    msg_id: str = ""  # the original pain.008's message id, when the bank gives it
    pmt_inf_id: str = ""


@dataclass(frozen=True)
class ReturnReport:
    format: str  # "camt054" or "csv"
    message_id: str  # the camt.054's own message id ("" for CSV)
    lines: list[ReturnLine]


def return_file_read(content: bytes) -> ReturnReport:
    """Recognise the file by its content and read its returns; ``ReturnFileInvalid`` if neither."""
    if not content.strip():
        raise ReturnFileInvalid(_("The file is empty."))
    if len(content) > MAX_BYTES:
        raise ReturnFileInvalid(_("The file is larger than 20 MB."))
    head = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    if head.startswith(b"<"):
        return _camt054_read(content)
    return _csv_read(content)


def _cents(text: str) -> int:
    value = text.strip().replace("€", "").replace(" ", "")
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ReturnFileInvalid(_("Not an amount: %(value)s") % {"value": text}) from None
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise ReturnFileInvalid(_("Not an amount: %(value)s") % {"value": text})
    return int(amount * 100)


def _date(text: str) -> date:
    value = text.strip()[:10]
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    raise ReturnFileInvalid(_("Not a date: %(value)s") % {"value": text})


def _camt054_read(content: bytes) -> ReturnReport:
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        raise ReturnFileInvalid(_("XML with a DOCTYPE is not accepted."))
    try:
        root = ET.fromstring(content)  # noqa: S314 (no DOCTYPE, see the module docstring)
    except ET.ParseError as exc:
        raise ReturnFileInvalid(_("The XML cannot be read: %(error)s") % {"error": exc}) from None
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if namespace not in CAMT054_NAMESPACES or root.tag != f"{{{namespace}}}Document":
        raise ReturnFileInvalid(
            _("This XML is not a camt.054 notification (camt.054.001.02 or camt.054.001.08).")
        )
    ns = {"c": namespace}
    notification = root.find("c:BkToCstmrDbtCdtNtfctn", ns)
    if notification is None:
        raise ReturnFileInvalid(_("The camt.054 has no BkToCstmrDbtCdtNtfctn."))
    message_id = notification.findtext("c:GrpHdr/c:MsgId", "", ns).strip()
    lines = []
    for entry in notification.iterfind("c:Ntfctn/c:Ntry", ns):
        booked = entry.findtext("c:BookgDt/c:Dt", None, ns) or entry.findtext(
            "c:BookgDt/c:DtTm", None, ns
        )
        value = entry.findtext("c:ValDt/c:Dt", None, ns)
        details = entry.findall("c:NtryDtls/c:TxDtls", ns)
        for tx in details:
            if tx.find("c:RtrInf", ns) is None:
                continue
            amount = (
                tx.findtext("c:AmtDtls/c:InstdAmt/c:Amt", None, ns)
                or tx.findtext("c:AmtDtls/c:TxAmt/c:Amt", None, ns)
                or tx.findtext("c:Amt", None, ns)
                or (entry.findtext("c:Amt", None, ns) if len(details) == 1 else None)
            )
            end_to_end = tx.findtext("c:Refs/c:EndToEndId", "", ns).strip()
            day = tx.findtext("c:RltdDts/c:IntrBkSttlmDt", None, ns) or booked or value
            if not end_to_end or amount is None or day is None:
                raise ReturnFileInvalid(
                    _("A return in the camt.054 lacks its EndToEndId, amount or date.")
                )
            lines.append(
                ReturnLine(
                    end_to_end_id=end_to_end,
                    amount_cents=_cents(amount),
                    return_date=_date(day),
                    reason_code=(
                        tx.findtext("c:RtrInf/c:Rsn/c:Cd", "", ns)
                        or tx.findtext("c:RtrInf/c:Rsn/c:Prtry", "", ns)
                    )
                    .strip()
                    .upper()[:4],
                    msg_id=tx.findtext("c:Refs/c:MsgId", "", ns).strip(),
                    pmt_inf_id=tx.findtext("c:Refs/c:PmtInfId", "", ns).strip(),
                )
            )
    return ReturnReport(format="camt054", message_id=message_id[:35], lines=lines)


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="strict")


def _csv_read(content: bytes) -> ReturnReport:
    try:
        text = _decode(content)
    except UnicodeDecodeError:
        raise ReturnFileInvalid(_("The file is neither a camt.054 nor a text CSV.")) from None
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    if not set(CSV_COLUMNS) <= set(header):
        raise ReturnFileInvalid(
            _("The file is neither a camt.054 nor a CSV with the columns %(columns)s.")
            % {"columns": ";".join(CSV_COLUMNS)}
        )
    reader.fieldnames = header
    lines = []
    for number, row in enumerate(reader, start=2):
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue  # an empty line
        try:
            lines.append(
                ReturnLine(
                    end_to_end_id=(row["end_to_end_id"] or "").strip(),
                    amount_cents=_cents(row["amount"] or ""),
                    return_date=_date(row["return_date"] or ""),
                    reason_code=(row["reason_code"] or "").strip().upper()[:4],
                )
            )
        except ReturnFileInvalid as exc:
            raise ReturnFileInvalid(
                _("Line %(number)s: %(error)s") % {"number": number, "error": exc}
            ) from None
        if not lines[-1].end_to_end_id:
            raise ReturnFileInvalid(
                _("Line %(number)s: the end_to_end_id is missing.") % {"number": number}
            )
    return ReturnReport(format="csv", message_id="", lines=lines)
