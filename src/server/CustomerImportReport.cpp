#include "server/CustomerImportReport.h"

using namespace Qt::StringLiterals;

namespace fc::server {

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
    m_writer->addText(row.legacyId);
    m_writer->addText(codes.join(u' '));
    m_writer->addText(reasons.join(u"; "_s));
    m_writer->addText(row.raw);
    m_writer->endRow();
    ++m_rows;
}

Status CustomerImportReport::flush()
{
    return m_writer->flush();
}

} // namespace fc::server
