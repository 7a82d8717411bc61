#include "TestCertificates.h"

#include <QDir>
#include <QFile>
#include <functional>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace Amiens::Test {

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertificateFree
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Certificate = std::unique_ptr<X509, CertificateFree>;

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

/// A certificate for @p key named @p commonName, signed by @p issuerKey (itself when
/// @p issuer is null), with @p extensions (nid, value) added in order.
Certificate makeCertificate(EVP_PKEY *key, const char *commonName, X509 *issuer, EVP_PKEY *issuerKey,
                            std::initializer_list<std::pair<int, const char *>> extensions)
{
    Certificate certificate(X509_new());
    if (!certificate)
        return {};
    X509 *x = certificate.get();
    unsigned char serial[8];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool ok = X509_set_version(x, X509_VERSION_3) == 1 &&
                    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x)) != nullptr &&
                    // An hour back: the client's clock and ours are the same, but be generous.
                    X509_gmtime_adj(X509_getm_notBefore(x), -3600) != nullptr &&
                    X509_gmtime_adj(X509_getm_notAfter(x), 30L * 24 * 3600) != nullptr &&
                    X509_set_pubkey(x, key) == 1;
    BN_free(number);
    if (!ok)
        return {};
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("AmiensMail Tests"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName),
                               -1, -1, 0);
    X509 *signer = issuer ? issuer : x;
    if (X509_set_issuer_name(x, X509_get_subject_name(signer)) != 1)
        return {};
    for (const auto &[nid, value] : extensions) {
        if (!addExtension(x, signer, nid, value))
            return {};
    }
    if (X509_sign(x, issuerKey, EVP_sha256()) <= 0)
        return {};
    return certificate;
}

bool writePem(const QString &path, const std::function<int(BIO *)> &write)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return false;
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data, length) == length;
}

} // namespace

TestCertificates::TestCertificates(const QString &directory)
    : m_caFile(QDir(directory).filePath(u"ca.pem"_s))
    , m_chainFile(QDir(directory).filePath(u"localhost-cert.pem"_s))
    , m_keyFile(QDir(directory).filePath(u"localhost-key.pem"_s))
{
    const Key caKey(EVP_EC_gen("P-256"));
    const Key leafKey(EVP_EC_gen("P-256"));
    if (!caKey || !leafKey) {
        m_error = u"cannot generate the test keys"_s;
        return;
    }
    const Certificate ca = makeCertificate(caKey.get(), "AmiensMail Scenario CA", nullptr, caKey.get(),
                                           {{NID_basic_constraints, "critical,CA:TRUE"},
                                            {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                            {NID_subject_key_identifier, "hash"}});
    const Certificate leaf = ca ? makeCertificate(leafKey.get(), "localhost", ca.get(), caKey.get(),
                                                  {{NID_basic_constraints, "critical,CA:FALSE"},
                                                   {NID_key_usage, "critical,digitalSignature"},
                                                   {NID_ext_key_usage, "serverAuth"},
                                                   {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
                                                   {NID_subject_key_identifier, "hash"},
                                                   {NID_authority_key_identifier, "keyid:always"}})
                                : Certificate();
    if (!ca || !leaf) {
        m_error = u"cannot build the test certificates"_s;
        return;
    }
    const bool written =
        writePem(m_caFile, [&](BIO *bio) { return PEM_write_bio_X509(bio, ca.get()); }) &&
        writePem(m_chainFile, [&](BIO *bio) { return PEM_write_bio_X509(bio, leaf.get()); }) &&
        writePem(m_keyFile, [&](BIO *bio) {
            return PEM_write_bio_PrivateKey(bio, leafKey.get(), nullptr, nullptr, 0, nullptr, nullptr);
        });
    if (!written)
        m_error = u"cannot write the test certificates into "_s + directory;
}

} // namespace Amiens::Test
