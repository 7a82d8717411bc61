#pragma once

#include <QByteArray>
#include <QString>

namespace Amiens::Bench {

/// Messages of realistic size and structure, the same bytes at every run and in every build (fixed
/// seeds), with CRLF line ends as IMAP delivers them.
namespace MessageFactory {

/// A mass mailer's newsletter of about @p bytes: multipart/related around multipart/alternative
/// (plain and a table-laid-out HTML, quoted-printable), six PNG images shown as cid:, a remote
/// tracking pixel.
QByteArray htmlNewsletter(qsizetype bytes);
/// A long Thunderbird thread of about @p bytes: text/plain, UTF-8, 8bit, format=flowed, with
/// quoted levels.
QByteArray plainText(qsizetype bytes);
/// A short note with one attachment of @p attachmentBytes (decoded), base64:
/// multipart/mixed > (multipart/alternative > plain, HTML) + the file, its name RFC 2231-encoded.
QByteArray withAttachment(qsizetype attachmentBytes, const QString &fileName, const QByteArray &mimeType);

} // namespace MessageFactory

} // namespace Amiens::Bench
