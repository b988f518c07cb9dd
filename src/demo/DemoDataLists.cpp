#include "demo/DemoDataLists.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

struct ListLine {
    int number = 0;
    QString text;
};

Error malformed(const QString &path, int line, const QString &why)
{
    return makeError(u"demo.list_malformed"_s,
                     QCoreApplication::translate("fc::DemoDataLists", "The demo data list %1 is wrong at line %2: %3")
                         .arg(path)
                         .arg(line)
                         .arg(why));
}

// Lines that carry data: comments start with '#', blank lines are spacing.
Result<QList<ListLine>> readList(const QString &directory, const QString &name)
{
    const QString path = directory + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(u"demo.list_missing"_s,
                         QCoreApplication::translate("fc::DemoDataLists", "The demo data list %1 cannot be read: %2")
                             .arg(path, file.errorString()));
    }
    const QString content = QString::fromUtf8(file.readAll());
    QList<ListLine> lines;
    int number = 0;
    for (QStringView raw : QStringView(content).split(u'\n')) {
        ++number;
        const QStringView text = raw.trimmed();
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        lines.append({ number, text.toString() });
    }
    if (lines.isEmpty())
        return malformed(path, number, QCoreApplication::translate("fc::DemoDataLists", "it holds no entries."));
    return lines;
}

// "Name;3" -> ("Name", 3); "Name" -> ("Name", 1).
bool splitWeight(const QString &text, QString *value, quint32 *weight)
{
    const qsizetype semicolon = text.lastIndexOf(u';');
    if (semicolon < 0) {
        *value = text;
        *weight = 1;
        return !value->isEmpty();
    }
    bool ok = false;
    const uint parsed = QStringView(text).mid(semicolon + 1).trimmed().toUInt(&ok);
    *value = text.left(semicolon).trimmed();
    *weight = parsed;
    return ok && parsed > 0 && !value->isEmpty();
}

QString badWeight()
{
    return QCoreApplication::translate("fc::DemoDataLists", "expected a name, optionally followed by ;weight.");
}

Result<WeightedChoice<QString>> readWeightedList(const QString &directory, const QString &name)
{
    auto lines = readList(directory, name);
    if (!lines)
        return lines.error();
    WeightedChoice<QString> choice;
    for (const ListLine &line : lines.value()) {
        QString value;
        quint32 weight = 0;
        if (!splitWeight(line.text, &value, &weight))
            return malformed(directory + u'/' + name, line.number, badWeight());
        choice.add(value, weight);
    }
    return choice;
}

Status readNames(const QString &directory, NameCulture &culture)
{
    const QString name = u"names/"_s + culture.key + u".txt"_s;
    const QString path = directory + u'/' + name;
    auto lines = readList(directory, name);
    if (!lines)
        return lines.error();
    enum class Section { None, Female, Male, Surname } section = Section::None;
    for (const ListLine &line : lines.value()) {
        if (line.text == "[female]"_L1) {
            section = Section::Female;
            continue;
        }
        if (line.text == "[male]"_L1) {
            section = Section::Male;
            continue;
        }
        if (line.text == "[surname]"_L1) {
            section = Section::Surname;
            continue;
        }
        QString value;
        quint32 weight = 0;
        if (!splitWeight(line.text, &value, &weight))
            return malformed(path, line.number, badWeight());
        switch (section) {
        case Section::None:
            return malformed(path, line.number,
                             QCoreApplication::translate("fc::DemoDataLists",
                                                         "a name comes before any [female], [male] or [surname]."));
        case Section::Female:
            culture.femaleNames.add(value, weight);
            break;
        case Section::Male:
            culture.maleNames.add(value, weight);
            break;
        case Section::Surname: {
            const QStringList forms = value.split(u'|');
            if (forms.size() > 2 || forms.constFirst().isEmpty() || forms.constLast().isEmpty()) {
                return malformed(
                    path, line.number,
                    QCoreApplication::translate("fc::DemoDataLists", "a surname is Masculine or Masculine|Feminine."));
            }
            culture.surnames.add(SurnameForms { forms.constFirst(), forms.constLast() }, weight);
            break;
        }
        }
    }
    if (culture.femaleNames.isEmpty() || culture.maleNames.isEmpty() || culture.surnames.isEmpty()) {
        return malformed(
            path, lines.value().constLast().number,
            QCoreApplication::translate("fc::DemoDataLists", "each of [female], [male] and [surname] needs names."));
    }
    return {};
}

Status readCultures(const QString &directory, DemoDataLists &lists)
{
    const QString path = directory + u"/cultures.txt"_s;
    auto lines = readList(directory, u"cultures.txt"_s);
    if (!lines)
        return lines.error();
    for (const ListLine &line : lines.value()) {
        const QStringList fields = line.text.split(u'|');
        bool weightOk = false;
        bool middleOk = false;
        const uint weight = fields.value(1).toUInt(&weightOk);
        const int middle = fields.value(3).toInt(&middleOk);
        if (fields.size() != 4 || fields[0].isEmpty() || !weightOk || !middleOk || middle < 0 || middle > 100) {
            return malformed(path, line.number,
                             QCoreApplication::translate(
                                 "fc::DemoDataLists", "expected key|weight|language:weight ...|middle-name percent."));
        }
        NameCulture culture;
        culture.key = fields[0];
        culture.middleNamePercent = middle;
        for (const QString &language : fields[2].split(u' ', Qt::SkipEmptyParts)) {
            const QStringList parts = language.split(u':');
            bool ok = false;
            const uint languageWeight = parts.value(1).toUInt(&ok);
            if (parts.size() != 2 || parts[0].isEmpty() || !ok) {
                return malformed(
                    path, line.number,
                    QCoreApplication::translate("fc::DemoDataLists", "a language is written tag:weight, as en:80."));
            }
            culture.languages.add(parts[0], languageWeight);
        }
        if (culture.languages.isEmpty()) {
            return malformed(path, line.number,
                             QCoreApplication::translate("fc::DemoDataLists", "a culture needs a language."));
        }
        if (const Status names = readNames(directory, culture); !names)
            return names;
        lists.cultureChoice.add(int(lists.cultures.size()), weight);
        lists.cultures.push_back(std::move(culture));
    }
    return {};
}

Status readTowns(const QString &directory, DemoDataLists &lists)
{
    const QString path = directory + u"/towns.txt"_s;
    auto lines = readList(directory, u"towns.txt"_s);
    if (!lines)
        return lines.error();
    for (const ListLine &line : lines.value()) {
        const QStringList fields = line.text.split(u'|');
        bool ok = false;
        const uint weight = fields.value(2).toUInt(&ok);
        if (fields.size() != 5 || fields[0].isEmpty() || fields[1].isEmpty() || !ok || fields[3].isEmpty()) {
            return malformed(path, line.number,
                             QCoreApplication::translate("fc::DemoDataLists",
                                                         "expected town|district|weight|dialling code|localities."));
        }
        lists.townChoice.add(int(lists.towns.size()), weight);
        lists.towns.push_back(DemoTown { fields[0], fields[1], fields[3], fields[4].split(u';', Qt::SkipEmptyParts) });
    }
    return {};
}

Status readNicknames(const QString &directory, DemoDataLists &lists)
{
    const QString path = directory + u"/nicknames.txt"_s;
    auto lines = readList(directory, u"nicknames.txt"_s);
    if (!lines)
        return lines.error();
    for (const ListLine &line : lines.value()) {
        const QStringList fields = line.text.split(u'|');
        const QStringList variants = fields.value(1).split(u';', Qt::SkipEmptyParts);
        if (fields.size() != 2 || fields[0].isEmpty() || variants.isEmpty()) {
            return malformed(path, line.number,
                             QCoreApplication::translate("fc::DemoDataLists", "expected Name|variant;variant."));
        }
        lists.nicknames.insert(fields[0], variants);
    }
    return {};
}

Status readAgents(const QString &directory, DemoDataLists &lists)
{
    const QString path = directory + u"/agents.txt"_s;
    auto lines = readList(directory, u"agents.txt"_s);
    if (!lines)
        return lines.error();
    for (const ListLine &line : lines.value()) {
        const QStringList fields = line.text.split(u'|');
        if (fields.size() != 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
            return malformed(path, line.number,
                             QCoreApplication::translate("fc::DemoDataLists", "expected user name|site."));
        }
        lists.agents.push_back(DemoAgent { fields[0], fields[1] });
    }
    return {};
}

Status readOfficers(const QString &directory, DemoDataLists &lists)
{
    const QString path = directory + u"/officers.txt"_s;
    auto lines = readList(directory, u"officers.txt"_s);
    if (!lines)
        return lines.error();
    for (const ListLine &line : lines.value()) {
        const QStringList fields = line.text.split(u'|');
        if (fields.size() != 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
            return malformed(path, line.number,
                             QCoreApplication::translate("fc::DemoDataLists", "expected user name|service key."));
        }
        lists.officers.push_back(DemoOfficer { fields[0], fields[1] });
    }
    return {};
}

Status readPlainList(const QString &directory, const QString &name, std::vector<QString> &into)
{
    auto lines = readList(directory, name);
    if (!lines)
        return lines.error();
    for (const ListLine &line : lines.value())
        into.push_back(line.text);
    return {};
}

} // namespace

Result<DemoDataLists> DemoDataLists::loadBuiltIn()
{
    return loadFrom(u":/demo"_s);
}

Result<DemoDataLists> DemoDataLists::loadFrom(const QString &directory)
{
    DemoDataLists lists;
    if (Status status = readCultures(directory, lists); !status)
        return status.error();
    if (Status status = readTowns(directory, lists); !status)
        return status.error();
    if (Status status = readNicknames(directory, lists); !status)
        return status.error();
    if (Status status = readAgents(directory, lists); !status)
        return status.error();
    if (Status status = readPlainList(directory, u"streets.txt"_s, lists.streetNames); !status)
        return status.error();
    if (Status status = readOfficers(directory, lists); !status)
        return status.error();

    struct Weighted {
        const char *file;
        WeightedChoice<QString> *into;
    };
    const Weighted weighted[] = {
        { "street-suffixes.txt", &lists.streetSuffixes },
        { "building-suffixes.txt", &lists.buildingSuffixes },
        { "email-domains.txt", &lists.emailDomains },
        { "partner-agencies.txt", &lists.partnerAgencies },
    };
    for (const Weighted &list : weighted) {
        auto choice = readWeightedList(directory, QLatin1StringView(list.file));
        if (!choice)
            return choice.error();
        *list.into = std::move(choice.value());
    }

    // The generator sends walk-in contacts to hub staff and the rest to the contact centre.
    const bool hasContactCentre = std::any_of(lists.agents.begin(), lists.agents.end(),
                                              [](const DemoAgent &agent) { return agent.site == "contact-centre"_L1; });
    const bool hasWalkInSite = std::any_of(lists.agents.begin(), lists.agents.end(),
                                           [](const DemoAgent &agent) { return agent.site != "contact-centre"_L1; });
    if (!hasContactCentre || !hasWalkInSite) {
        return malformed(directory + u"/agents.txt"_s, 1,
                         QCoreApplication::translate("fc::DemoDataLists",
                                                     "agents are needed both at contact-centre and at another site."));
    }
    return lists;
}

} // namespace fc
