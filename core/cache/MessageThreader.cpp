#include "MessageThreader.h"

#include <QHash>
#include <algorithm>

namespace Amiens {

QList<MessageThreader::Row> MessageThreader::thread(const QList<Message> &messages)
{
    const auto count = messages.size();
    // The first message carrying an id owns it (duplicates, e.g. a copy in the same folder,
    // are threaded under nothing by id but still listed).
    QHash<QString, qsizetype> byId;
    byId.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        if (!messages[i].messageId.isEmpty() && !byId.contains(messages[i].messageId))
            byId.insert(messages[i].messageId, i);
    }
    QList<qsizetype> parent(count, -1);
    const auto isAncestor = [&parent](qsizetype candidate, qsizetype of) {
        // Would making `candidate` the parent of `of` close a loop? Forged headers can try.
        for (qsizetype step = candidate; step != -1; step = parent[step]) {
            if (step == of)
                return true;
        }
        return false;
    };
    for (qsizetype i = 0; i < count; ++i) {
        const Message &message = messages[i];
        QStringList ancestors = message.references;
        if (!message.inReplyTo.isEmpty() && !ancestors.contains(message.inReplyTo))
            ancestors.append(message.inReplyTo);
        for (auto it = ancestors.crbegin(); it != ancestors.crend(); ++it) {
            const auto found = byId.constFind(*it);
            if (found != byId.cend() && *found != i && !isAncestor(*found, i)) {
                parent[i] = *found;
                break;
            }
        }
    }
    QList<QList<qsizetype>> children(count);
    for (qsizetype i = 0; i < count; ++i) {
        if (parent[i] != -1)
            children[parent[i]].append(i);
    }
    for (QList<qsizetype> &replies : children) {
        std::stable_sort(replies.begin(), replies.end(), [&messages](qsizetype a, qsizetype b) {
            return messages[a].date < messages[b].date;
        });
    }

    QList<Row> result;
    result.reserve(count);
    QList<bool> emitted(count, false);
    QList<std::pair<qsizetype, int>> stack;
    for (qsizetype i = 0; i < count; ++i) {
        qsizetype root = i;
        while (parent[root] != -1)
            root = parent[root];
        if (emitted[root])
            continue;
        // Depth-first, iteratively: a thread of thousands of replies must not exhaust the stack.
        stack.append({root, 0});
        while (!stack.isEmpty()) {
            const auto [node, depth] = stack.takeLast();
            emitted[node] = true;
            result.append({messages[node].rowId, depth});
            const QList<qsizetype> &replies = children[node];
            for (auto it = replies.crbegin(); it != replies.crend(); ++it)
                stack.append({*it, depth + 1});
        }
    }
    return result;
}

} // namespace Amiens
