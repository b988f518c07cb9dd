#include "core/ScriptAnswer.h"

#include "core/EmailAddress.h"
#include "core/JsonReader.h"
#include "core/PhoneNumber.h"
#include "core/Postcode.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("fc::ScriptAnswer", text, nullptr, n);
}

Error invalid(const QString &message)
{
    return makeError(u"script.invalid_answer"_s, message);
}

QString dateText(QDate date)
{
    return date.toString(u"dd/MM/yyyy"_s);
}

QString poundsText(double pounds)
{
    return u"\u00A3"_s + QString::number(pounds, 'f', 2);
}

QString numberText(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QDate readDate(const QString &text)
{
    for (const QString &format : { u"yyyy-MM-dd"_s, u"dd/MM/yyyy"_s, u"d/M/yyyy"_s, u"dd-MM-yyyy"_s, u"d.M.yyyy"_s }) {
        const QDate date = QDate::fromString(text, format);
        if (date.isValid())
            return date;
    }
    return QDate();
}

/// "£1,250.5" -> 1250.5; nullopt for anything else. Commas only as thousands separators.
std::optional<double> readNumber(QString text, bool money)
{
    text.remove(u' ');
    if (money && text.startsWith(u'\u00A3'))
        text.remove(0, 1);
    static const QRegularExpression plain(u"^-?[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]+)?$|^-?[0-9]+(\\.[0-9]+)?$"_s);
    if (!plain.match(text).hasMatch())
        return std::nullopt;
    text.remove(u',');
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

int decimalsOf(const QString &typed)
{
    const qsizetype dot = typed.lastIndexOf(u'.');
    return dot < 0 ? 0 : int(typed.size() - dot - 1);
}

Result<QJsonValue> acceptNumber(const ScriptInputSpec &in, const QJsonValue &given)
{
    const bool money = in.type == ScriptInputType::Money;
    const int decimals = money ? 2 : in.decimals;
    std::optional<double> value;
    QString typed;
    if (given.isDouble()) {
        value = given.toDouble();
        typed = QString::number(*value, 'g', 17);
    } else {
        typed = given.toString().trimmed();
        value = readNumber(typed, money);
    }
    if (!value)
        return invalid(money ? tr("Enter an amount in pounds and pence, such as 35.50.") : tr("Enter a number, such as 12."));
    if (!given.isDouble() && decimalsOf(typed) > decimals)
        return invalid(decimals == 0 ? tr("Enter a whole number.") : tr("Enter at most %n decimal place(s).", decimals));
    const double factor = std::pow(10.0, decimals);
    const double rounded = std::round(*value * factor) / factor;
    if (given.isDouble() && std::abs(rounded - *value) > 1e-9)
        return invalid(decimals == 0 ? tr("Enter a whole number.") : tr("Enter at most %n decimal place(s).", decimals));
    const auto show = [&](double v) { return money ? poundsText(v) : numberText(v, decimals); };
    if (in.min && rounded < *in.min)
        return invalid(in.max ? tr("Enter a value from %1 to %2.").arg(show(*in.min), show(*in.max))
                              : tr("Enter %1 or more.").arg(show(*in.min)));
    if (in.max && rounded > *in.max)
        return invalid(in.min ? tr("Enter a value from %1 to %2.").arg(show(*in.min), show(*in.max))
                              : tr("Enter %1 or less.").arg(show(*in.max)));
    return QJsonValue(rounded);
}

Result<QJsonValue> acceptDate(const ScriptInputSpec &in, const QString &typed, const ScriptContext &context)
{
    const QDate date = readDate(typed);
    if (!date.isValid())
        return invalid(tr("Enter a date as day/month/year, such as 24/11/2026."));
    const QDate today = context.today();
    if (in.minDate && date < in.minDate->resolve(today))
        return invalid(tr("Enter a date on or after %1.").arg(dateText(in.minDate->resolve(today))));
    if (in.maxDate && date > in.maxDate->resolve(today))
        return invalid(tr("Enter a date on or before %1.").arg(dateText(in.maxDate->resolve(today))));
    if (in.workingDay && !context.isWorkingDay(date))
        return invalid(tr("%1 is not a working day: choose a weekday that is not a bank holiday.").arg(dateText(date)));
    return QJsonValue(date.toString(Qt::ISODate));
}

Result<QJsonValue> acceptInput(const ScriptStep &step, const QJsonValue &given, const ScriptContext &context)
{
    const ScriptInputSpec &in = step.input;
    if (in.type == ScriptInputType::Number || in.type == ScriptInputType::Money)
        return acceptNumber(in, given);
    if (!given.isString())
        return invalid(tr("Enter the answer as text."));
    const QString typed = given.toString().trimmed();
    switch (in.type) {
    case ScriptInputType::Text:
        if (typed.size() > in.maxLength)
            return invalid(tr("Keep it to %1 characters or fewer.").arg(in.maxLength));
        return QJsonValue(typed);
    case ScriptInputType::Pattern: {
        if (typed.size() > in.maxLength)
            return invalid(tr("Keep it to %1 characters or fewer.").arg(in.maxLength));
        const QRegularExpression re(QRegularExpression::anchoredPattern(in.pattern));
        if (!re.match(typed).hasMatch())
            return invalid(in.hint);
        return QJsonValue(typed);
    }
    case ScriptInputType::Postcode: {
        const Result<Postcode> postcode = Postcode::parse(typed);
        if (!postcode)
            return invalid(tr("Enter a full UK postcode, such as PL1 2AA."));
        return QJsonValue(postcode->canonical());
    }
    case ScriptInputType::Phone: {
        const Result<PhoneNumber> phone = PhoneNumber::parse(typed);
        if (!phone)
            return invalid(phone.error().message);
        return QJsonValue(phone->nationalDigits());
    }
    case ScriptInputType::Email: {
        const Result<EmailAddress> email = EmailAddress::parse(typed);
        if (!email)
            return invalid(email.error().message);
        return QJsonValue(email->canonical());
    }
    case ScriptInputType::Date:
        return acceptDate(in, typed, context);
    case ScriptInputType::Number:
    case ScriptInputType::Money:
        break;
    }
    return invalid(tr("This input cannot be checked."));
}

Result<QJsonValue> acceptAppointment(const ScriptStep &step, const QJsonValue &given, const ScriptContext &context)
{
    if (!given.isObject())
        return invalid(tr("Choose a site and a time."));
    JsonReader r(given.toObject(), step.id);
    const QString site = r.string(u"site"_s, 64, true);
    const QDateTime at = r.time(u"at"_s, true);
    if (Status status = r.status(); !status)
        return invalid(tr("Choose a site and a time."));
    if (!step.sites.contains(site))
        return invalid(tr("Choose one of the sites offered."));
    if (at <= context.now)
        return invalid(tr("Choose a time that is still to come."));
    const QDate day = context.localDate(at);
    if (!context.isWorkingDay(day))
        return invalid(tr("%1 is not a working day.").arg(dateText(day)));
    const QDate last = context.workingDaysAhead(step.withinWorkingDays);
    if (day > last)
        return invalid(tr("Choose a day on or before %1.").arg(dateText(last)));
    if (context.calendar) {
        const QTime time = at.toTimeZone(context.calendar->timeZone()).time();
        const WorkingHours &hours = context.calendar->hours();
        if (time < hours.start || time >= hours.end)
            return invalid(tr("Choose a time between %1 and %2.")
                               .arg(hours.start.toString(u"HH:mm"_s), hours.end.toString(u"HH:mm"_s)));
    }
    return QJsonValue(QJsonObject { { u"site"_s, site }, { u"at"_s, JsonReader::timeText(at) } });
}

} // namespace

Result<QJsonValue> acceptScriptAnswer(const ScriptStep &step, const QJsonValue &given, const ScriptContext &context)
{
    if (!step.takesAnswer())
        return makeError(u"script.no_answer"_s, tr("This step takes no answer."));
    const bool empty = given.isNull() || given.isUndefined() || (given.isString() && given.toString().trimmed().isEmpty());
    if (empty) {
        if (step.kind == ScriptStepKind::Choice)
            return makeError(u"script.answer_required"_s, tr("Choose one of the options."));
        if (step.kind == ScriptStepKind::Appointment)
            return makeError(u"script.answer_required"_s, tr("Choose a site and a time."));
        if (step.required)
            return makeError(u"script.answer_required"_s, tr("An answer is needed here."));
        return QJsonValue(QJsonValue::Null);
    }
    switch (step.kind) {
    case ScriptStepKind::Question: {
        if (!given.isString())
            return invalid(tr("Enter the answer as text."));
        const QString text = given.toString().trimmed();
        if (text.size() > step.maxLength)
            return invalid(tr("Keep it to %1 characters or fewer.").arg(step.maxLength));
        return QJsonValue(text);
    }
    case ScriptStepKind::Choice:
        if (!given.isString() || step.targetFor(given.toString()).isEmpty())
            return invalid(tr("Choose one of the options."));
        return given;
    case ScriptStepKind::Input:
        return acceptInput(step, given, context);
    case ScriptStepKind::Appointment:
        return acceptAppointment(step, given, context);
    default:
        break;
    }
    return makeError(u"script.no_answer"_s, tr("This step takes no answer."));
}

QString scriptAnswerText(const ScriptStep &step, const QJsonValue &answer, const QTimeZone &zone)
{
    if (answer.isNull() || answer.isUndefined())
        return QString();
    switch (step.kind) {
    case ScriptStepKind::Choice:
        for (const ScriptOption &option : step.options) {
            if (option.value == answer.toString())
                return option.label;
        }
        return answer.toString();
    case ScriptStepKind::Input:
        if (step.input.type == ScriptInputType::Money)
            return poundsText(answer.toDouble());
        if (step.input.type == ScriptInputType::Number)
            return numberText(answer.toDouble(), step.input.decimals);
        if (step.input.type == ScriptInputType::Date)
            return dateText(QDate::fromString(answer.toString(), Qt::ISODate));
        return answer.toString();
    case ScriptStepKind::Appointment: {
        const QJsonObject object = answer.toObject();
        const QDateTime at = QDateTime::fromString(object.value(u"at"_s).toString(), Qt::ISODateWithMs);
        return tr("%1 at %2").arg(object.value(u"site"_s).toString(), at.toTimeZone(zone).toString(u"dd/MM/yyyy HH:mm"_s));
    }
    default:
        return answer.toString();
    }
}

} // namespace fc
