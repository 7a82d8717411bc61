#include "FoldersCommand.h"

#include "CommandContext.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString FoldersCommand::name() const
{
    return u"folders"_s;
}

QString FoldersCommand::usage() const
{
    return u"  folders                     list the account's folders on the server\n"_s;
}

int FoldersCommand::run(CommandContext &context)
{
    const std::optional<Account> account = context.selectedAccount();
    if (!account)
        return CommandContext::Failure;
    const std::unique_ptr<AccountServices> services = context.servicesFor(*account);
    if (!services)
        return CommandContext::Failure;
    const std::optional<QString> password = context.passwordFor(*account);
    if (!password)
        return CommandContext::AuthenticationFailed;

    QTextStream &out = CommandContext::out();
    AccountSession &session = *services->session();
    session.setPassword(*password);
    QEventLoop loop;
    int exitCode = CommandContext::Success;
    QObject::connect(&session, &AccountSession::foldersChanged, &loop, [&](const QList<FolderInfo> &folders) {
        if (context.json()) {
            QJsonArray array;
            for (const FolderInfo &folder : folders) {
                array.append(QJsonObject{{u"path"_s, folder.path()},
                                         {u"name"_s, folder.name()},
                                         {u"role"_s, FolderInfo::roleName(folder.role)},
                                         {u"selectable"_s, folder.selectable}});
            }
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        } else {
            for (const FolderInfo &folder : folders) {
                out << folder.path();
                if (folder.role != FolderInfo::Role::None)
                    out << '\t' << FolderInfo::roleName(folder.role);
                out << '\n';
            }
        }
        loop.quit();
    });
    QObject::connect(&session, &AccountSession::errorOccurred, &loop, [&](const ServiceError &failure) {
        exitCode = context.reportError(failure);
        loop.quit();
    });
    session.refreshFolders();
    loop.exec();
    out.flush();
    return exitCode;
}

} // namespace Amiens
