#!/usr/bin/env python3
"""Writes the TNEF fixtures of tests/unit/tst_tnef.cpp (MS-OXTNEF, MS-OXRTFCP).

Run from this directory: python3 make-fixtures.py. Built by hand rather than taken from Outlook so
that every byte is known; tst_tnef also reads ytnef-style real streams built the same way.
"""
import struct

LEVEL_MESSAGE, LEVEL_ATTACHMENT = 1, 2
ATT_TNEF_VERSION = 0x00089006
ATT_OEM_CODEPAGE = 0x00069007
ATT_MESSAGE_CLASS = 0x00078008
ATT_SUBJECT = 0x00018004
ATT_MAPI_PROPS = 0x00069003
ATT_ATTACH_RENDDATA = 0x00069002
ATT_ATTACH_TITLE = 0x00018010
ATT_ATTACH_DATA = 0x0006800F
ATT_ATTACHMENT = 0x00069005

PT_LONG, PT_BOOLEAN, PT_SYSTIME = 0x0003, 0x000B, 0x0040
PT_STRING8, PT_UNICODE, PT_BINARY, MV_FLAG = 0x001E, 0x001F, 0x0102, 0x1000


def record(level, attribute, data):
    return struct.pack('<BII', level, attribute, len(data)) + data + struct.pack('<H', sum(data) & 0xFFFF)


def padded(data):
    return data + b'\0' * (-len(data) % 4)


def variable(prop_id, prop_type, data):
    return struct.pack('<III', (prop_id << 16) | prop_type, 1, len(data)) + padded(data)


def string8(prop_id, text, codepage='cp1252'):
    return variable(prop_id, PT_STRING8, text.encode(codepage) + b'\0')


def unicode(prop_id, text):
    return variable(prop_id, PT_UNICODE, text.encode('utf-16-le') + b'\0\0')


def binary(prop_id, data):
    return variable(prop_id, PT_BINARY, data)


def long(prop_id, value):
    return struct.pack('<II', (prop_id << 16) | PT_LONG, value)


def boolean(prop_id, value):
    return struct.pack('<II', (prop_id << 16) | PT_BOOLEAN, 1 if value else 0)


def systime(prop_id, filetime):
    return struct.pack('<IQ', (prop_id << 16) | PT_SYSTIME, filetime)


def multi_string8(prop_id, texts):
    out = struct.pack('<II', (prop_id << 16) | PT_STRING8 | MV_FLAG, len(texts))
    for text in texts:
        data = text.encode('cp1252') + b'\0'
        out += struct.pack('<I', len(data)) + padded(data)
    return out


def named_unicode(prop_id, guid, name, text):
    """A named property (id >= 0x8000): GUID, kind 1, the UTF-16 name, then the value."""
    name_bytes = name.encode('utf-16-le') + b'\0\0'
    value = text.encode('utf-16-le') + b'\0\0'
    return (struct.pack('<I', (prop_id << 16) | PT_UNICODE) + guid + struct.pack('<II', 1, len(name_bytes))
            + padded(name_bytes) + struct.pack('<II', 1, len(value)) + padded(value))


def mapi(*props):
    return struct.pack('<I', len(props)) + b''.join(props)


def stream(*records):
    return struct.pack('<IH', 0x223E9F78, 0x5A1E) + b''.join(records)


RENDDATA = struct.pack('<HIHHI', 1, 0xFFFFFFFF, 0, 0, 0)
PUBLIC_STRINGS = bytes.fromhex('29030200000000000C00000000000046')

RTF_DICTIONARY = (b'{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern '
                  b'\\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0'
                  b'\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx')
assert len(RTF_DICTIONARY) == 207


def crc32(data):
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
    return crc


def compress_rtf(rtf):
    """LZFu, greedy, with references into the part of the dictionary already written."""
    dictionary = bytearray(4096)
    dictionary[:207] = RTF_DICTIONARY
    write = 207
    out = bytearray()
    position = 0
    done = False
    while not done:
        control, chunk = 0, bytearray()
        for bit in range(8):
            if position >= len(rtf):
                chunk += struct.pack('>H', write << 4)  # end marker: a reference to the write position
                control |= 1 << bit
                done = True
                break
            best_length, best_offset = 0, 0
            for offset in range(write):
                length = 0
                while (length < 17 and position + length < len(rtf) and offset + length < write
                       and dictionary[offset + length] == rtf[position + length]):
                    length += 1
                if length > best_length:
                    best_length, best_offset = length, offset
            if best_length >= 2:
                chunk += struct.pack('>H', (best_offset << 4) | (best_length - 2))
                control |= 1 << bit
                taken = rtf[position:position + best_length]
            else:
                chunk.append(rtf[position])
                taken = rtf[position:position + 1]
            for byte in taken:
                dictionary[write] = byte
                write += 1
            position += len(taken)
        out.append(control)
        out += chunk
    assert write < 4096, 'the fixture compressor does not wrap the dictionary'
    return struct.pack('<IIII', len(out) + 12, len(rtf), 0x75465A4C, crc32(out)) + bytes(out)


def body_and_files():
    body = ('Bonjour,\r\n\r\nVeuillez trouver ci-joint la convocation au conseil pédagogique et la liste des '
            'élèves concernés.\r\n\r\nCordialement,\r\nMarie Dupont\r\nCPE – Collège Jules Verne')
    # Over 100 bytes: libytnef 2.0 fails the whole stream on such a subject.
    subject = ('Convocation au conseil pédagogique du vendredi 15 janvier 2027 – merci de confirmer votre '
               'présence avant le 10 janvier')
    pdf = b'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
    xlsx = b'PK\x03\x04\x14\x00\x06\x00' + bytes(range(256)) + b'PK\x05\x06' + b'\0' * 18
    return stream(
        record(LEVEL_MESSAGE, ATT_TNEF_VERSION, struct.pack('<I', 0x00010000)),
        record(LEVEL_MESSAGE, ATT_OEM_CODEPAGE, struct.pack('<II', 1252, 0)),
        record(LEVEL_MESSAGE, ATT_MESSAGE_CLASS, b'IPM.Microsoft Mail.Note\0'),
        record(LEVEL_MESSAGE, ATT_SUBJECT, subject.encode('cp1252') + b'\0'),
        record(LEVEL_MESSAGE, ATT_MAPI_PROPS, mapi(
            string8(0x0037, subject),
            string8(0x1000, body),
            boolean(0x0E1F, True),
            systime(0x0039, 0x01DB8A1F3C2E4000),
            multi_string8(0x0FF0, ['Conseil', 'Élèves']),
            named_unicode(0x8001, PUBLIC_STRINGS, 'Keywords', 'rentrée'),
            long(0x3FFD, 1252))),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_RENDDATA, RENDDATA),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, b'CONVOC~1.PDF\0'),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, pdf),
        record(LEVEL_ATTACHMENT, ATT_ATTACHMENT, mapi(
            long(0x3705, 1),
            unicode(0x3707, 'convocation.pdf'),
            string8(0x370E, 'application/pdf'),
            string8(0x3703, '.pdf'))),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_RENDDATA, RENDDATA),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, 'LISTE~1.XLS'.encode('cp1252') + b'\0'),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, xlsx),
        record(LEVEL_ATTACHMENT, ATT_ATTACHMENT, mapi(
            long(0x3705, 1),
            unicode(0x3707, 'liste élèves.xlsx'),
            string8(0x370E, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))))


def rtf_only():
    rtf = (b'{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}'
           b'{\\colortbl ;\\red255\\green0\\blue0;}{\\*\\generator Riched20 10.0.19041;}'
           b'\\viewkind4\\uc1\\pard\\f0\\fs20 Bonjour \\\'e0 tous,\\par\r\n\\par\r\n'
           b'La r\\\'e9union du {\\b conseil p\\u233?dagogique} est report\\\'e9e au {\\cf1 lundi}.\\par\r\n'
           b'\\tab Marie\\par\r\n}\r\n')
    return stream(
        record(LEVEL_MESSAGE, ATT_TNEF_VERSION, struct.pack('<I', 0x00010000)),
        record(LEVEL_MESSAGE, ATT_OEM_CODEPAGE, struct.pack('<II', 1252, 0)),
        record(LEVEL_MESSAGE, ATT_MAPI_PROPS, mapi(
            binary(0x1009, compress_rtf(rtf)),
            boolean(0x0E1F, True))),
        # An attachment known only by its 8.3 title, in a folder.
        record(LEVEL_ATTACHMENT, ATT_ATTACH_RENDDATA, RENDDATA),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, 'C:\\TEMP\\NOTE_É.TXT'.encode('cp1252') + b'\0'),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, 'Note à lire.\r\n'.encode('cp1252')))


def html_body():
    html = ('<html><head><meta charset="utf-8"><style>p{margin:0}</style></head>'
            '<body><p>Réunion de rentrée&nbsp;: lundi 30 août à 9h.</p></body></html>')
    return stream(
        record(LEVEL_MESSAGE, ATT_OEM_CODEPAGE, struct.pack('<II', 1252, 0)),
        record(LEVEL_MESSAGE, ATT_MAPI_PROPS, mapi(
            binary(0x1013, html.encode('utf-8')),
            long(0x3FDE, 65001))),
        # An attached Outlook message: no file data, skipped.
        record(LEVEL_ATTACHMENT, ATT_ATTACH_RENDDATA, RENDDATA),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, b'Message transf\xe9r\xe9\0'),
        record(LEVEL_ATTACHMENT, ATT_ATTACHMENT, mapi(long(0x3705, 5), unicode(0x3001, 'Message transféré'))),
        # A picture whose MIME tag is not one.
        record(LEVEL_ATTACHMENT, ATT_ATTACH_RENDDATA, RENDDATA),
        record(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, b'\x89PNG\r\n\x1a\n' + b'\0' * 24),
        record(LEVEL_ATTACHMENT, ATT_ATTACHMENT, mapi(
            unicode(0x3707, 'logo/../../collège.png'),
            string8(0x370E, 'image png; x=<script>'))))


for name, build in (('body-and-files.tnef', body_and_files), ('rtf-only.tnef', rtf_only),
                    ('html-body.tnef', html_body)):
    with open(name, 'wb') as out:
        out.write(build())
