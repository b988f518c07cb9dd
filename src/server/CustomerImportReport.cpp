#include "server/CustomerImportReport.h"

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

// A cell Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe, which Excel shows as
// text: the record comes from the legacy system, where anyone may have typed "=HYPERLINK(...)" as a name.
QString asText(const QString &cell)
{
    static const QString formulaStarts = u"=+-@\t\r"_s;
    return !cell.isEmpty() && formulaStarts.contains(cell.front()) ? u'\'' + cell : cell;
}

} // namespace

CustomerImportReport::CustomerImportReport(QIODevice *device) : m_writer(std::make_unique<CsvWriter>(device, 1 << 16))
{
    device->write("\xEF\xBB\xBF");
    for (const QString &column : columns())
        m_writer->addText(column);
    m_writer->endRow();
}

CustomerImportReport::~CustomerImportReport() = default;

QStringList CustomerImportReport::columns()
{
    return { u"line"_s, u"legacy_id"_s, u"codes"_s, u"reason"_s, u"record"_s };
}

void CustomerImportReport::add(const CustomerCsvRow &row)
{
    QStringList codes;
    QStringList reasons;
    for (const Error &problem : row.problems) {
        if (!codes.contains(problem.code))
            codes.append(problem.code);
        reasons.append(problem.message);
    }
    m_writer->addNumber(row.line);
    m_writer->addText(asText(row.legacyId));
    m_writer->addText(codes.join(u' '));
    m_writer->addText(reasons.join(u"; "_s));
    m_writer->addText(asText(row.raw));
    m_writer->endRow();
    ++m_rows;
}

Status CustomerImportReport::flush()
{
    return m_writer->flush();
}

} // namespace fc::server
