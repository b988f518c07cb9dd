#pragma once

// Checks a script before it is published or run: the shape (parseScript), then the graph, the
// references and the types of conditions (docs/SCRIPTS.md "What the validator checks").

#include "core/Script.h"
#include "core/ServiceCatalogue.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace fc {

/// What a script may refer to outside itself. An absent set is not checked (a desk validating a
/// script it synced need not hold every article); an empty one means none exist.
struct ScriptReferences {
    ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
    std::optional<QSet<QString>> articles;
    std::optional<QSet<QString>> agencies;
    std::optional<QSet<QString>> sites;
};

class ScriptValidator {
public:
    explicit ScriptValidator(ScriptReferences references = {});

    /// Every problem found in a parsed script, in step order; empty when it may be published.
    QList<ScriptProblem> validate(const Script &script) const;
    /// Reads and validates; the shape problems alone when it does not read.
    QList<ScriptProblem> validate(const QByteArray &json) const;

private:
    ScriptReferences m_references;
};

} // namespace fc
