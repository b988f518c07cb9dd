#pragma once

#include "core/Result.h"
#include "demo/WeightedChoice.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace fc {

/// A surname as a man and as a woman carry it: "Kowalski" / "Kowalska", "Singh" / "Kaur". Most
/// surnames have one form, held in both.
struct SurnameForms {
    QString masculine;
    QString feminine;
};

/// The names one culture contributes to the demo council, and the languages its people prefer.
struct NameCulture {
    QString key; // "welsh"
    WeightedChoice<QString> femaleNames;
    WeightedChoice<QString> maleNames;
    WeightedChoice<SurnameForms> surnames;
    WeightedChoice<QString> languages; // BCP 47 tags: "en", "cy", ...
    int middleNamePercent = 0;
};

/// A postcode district the council covers and the town its addresses name.
struct DemoTown {
    QString town; // "Plymouth"
    QString district; // "PL1"
    QString diallingCode; // "1752": landlines are +44 1752 ...
    QStringList localities; // second address lines; may be empty
};

struct DemoAgent {
    QString userName;
    QString site;
};

/// A back-office officer and the service whose cases they are assigned.
struct DemoOfficer {
    QString userName;
    QString service;
};

/// The word lists the demo council is made from (names, streets, towns, staff), read from the UTF-8
/// text files in resources/demo that are compiled into fc_demo, so programs need no files at run time.
struct DemoDataLists {
    std::vector<NameCulture> cultures;
    WeightedChoice<int> cultureChoice; // index into cultures
    QHash<QString, QStringList> nicknames; // "William" -> {"Bill", "Will", "Billy"}
    std::vector<QString> streetNames; // "Mill"
    WeightedChoice<QString> streetSuffixes; // "Road"
    WeightedChoice<QString> buildingSuffixes; // "Court"
    std::vector<DemoTown> towns;
    WeightedChoice<int> townChoice; // index into towns
    WeightedChoice<QString> emailDomains;
    std::vector<DemoAgent> agents;
    std::vector<DemoOfficer> officers;
    WeightedChoice<QString> partnerAgencies;

    /// The lists compiled into the program (":/demo"). Errors: demo.list_missing, demo.list_malformed.
    static Result<DemoDataLists> loadBuiltIn();
    /// The same lists from another directory laid out like resources/demo (tests use it for bad lists).
    static Result<DemoDataLists> loadFrom(const QString &directory);
};

} // namespace fc
