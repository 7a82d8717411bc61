#include "ListFoldersJob.h"

#include "imap/FolderList.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString ListFoldersJob::name() const
{
    return u"LIST"_s;
}

void ListFoldersJob::run(ImapConnection &connection, MailCache &)
{
    m_folders = FolderList::read(connection);
}

} // namespace Amiens
