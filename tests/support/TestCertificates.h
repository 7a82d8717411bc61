#pragma once

#include "ScriptedServer.h"

#include <QString>

namespace Amiens::Test {

/// A throw-away certificate authority and a leaf it signed for localhost and 127.0.0.1, made
/// in-process with OpenSSL's libcrypto and written as PEM files into a directory, so a scripted
/// TLS server can run without root, without the loopback servers' make-certs.sh and without any
/// CTest fixture: a test binary started on its own gets them too. EC P-256 keys take
/// milliseconds; the client trusts the CA through Account::caFile and verifies the chain and the
/// host name as it would against a real server.
class TestCertificates
{
public:
    /// Generates the three files in @p directory (which must exist); see isValid().
    explicit TestCertificates(const QString &directory);

    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] QString error() const { return m_error; }
    /// The CA certificate, for Account::caFile.
    [[nodiscard]] QString caFile() const { return m_caFile; }
    /// What the server presents: the leaf (CN=localhost) and its key.
    [[nodiscard]] ScriptedServer::TlsIdentity serverIdentity() const { return {m_chainFile, m_keyFile}; }

private:
    QString m_caFile;
    QString m_chainFile;
    QString m_keyFile;
    QString m_error;
};

} // namespace Amiens::Test
