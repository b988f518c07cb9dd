#pragma once

// Editing a customer's details, or a new customer's, with the checks made as the agent types; a change of
// address is saved as one "tell us once" move for every service.

#include "core/Customer.h"
#include "core/Result.h"
#include "storage/CacheWorker.h"
#include "ui/Clock.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace fc {

/// The edit form behind the customer details page. load(id) copies the cached customer into editable
/// text properties; startNew(phone) opens a blank new customer (a screen-pop with no match). Every change
/// is checked at once on the GUI thread (pure functions, no cache): `fieldErrors` maps a field to a
/// sentence ("postcode", "phones.1", "emails.0", "dateOfBirth", "givenName"/"familyName", "uprn"), and
/// `valid`, `dirty` and `addressChanged` follow.
///
/// save() runs on the cache's database thread through LocalChanges, each change with exactly one outbox
/// row: a new customer is one customer.create; for an existing one a changed address is one moveAddress
/// (one change naming all five address fields, so every service sees the move together) and the other
/// changed fields one updateCustomer, both in one job; only what changed is sent. `saved(id)` follows,
/// with the form showing the record as stored; `saveFailed()` leaves the form as typed with `errorText`.
class CustomerEditModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged)
    Q_PROPERTY(QString customerId READ customerId NOTIFY customerIdChanged)
    Q_PROPERTY(QString reference READ reference NOTIFY customerIdChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY customerIdChanged)
    Q_PROPERTY(bool hasCustomer READ hasCustomer NOTIFY customerIdChanged)
    // The form
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(QString givenName READ givenName WRITE setGivenName NOTIFY givenNameChanged)
    Q_PROPERTY(QString familyName READ familyName WRITE setFamilyName NOTIFY familyNameChanged)
    Q_PROPERTY(QString preferredName READ preferredName WRITE setPreferredName NOTIFY preferredNameChanged)
    Q_PROPERTY(QString dateOfBirthText READ dateOfBirthText WRITE setDateOfBirthText NOTIFY dateOfBirthTextChanged)
    Q_PROPERTY(QStringList phones READ phones WRITE setPhones NOTIFY phonesChanged)
    Q_PROPERTY(QStringList emails READ emails WRITE setEmails NOTIFY emailsChanged)
    Q_PROPERTY(
        QString preferredLanguage READ preferredLanguage WRITE setPreferredLanguage NOTIFY preferredLanguageChanged)
    Q_PROPERTY(QString preferredChannel READ preferredChannel WRITE setPreferredChannel NOTIFY preferredChannelChanged)
    Q_PROPERTY(QString addressLine1 READ addressLine1 WRITE setAddressLine1 NOTIFY addressLine1Changed)
    Q_PROPERTY(QString addressLine2 READ addressLine2 WRITE setAddressLine2 NOTIFY addressLine2Changed)
    Q_PROPERTY(QString town READ town WRITE setTown NOTIFY townChanged)
    Q_PROPERTY(QString postcode READ postcode WRITE setPostcode NOTIFY postcodeChanged)
    Q_PROPERTY(QString uprn READ uprn WRITE setUprn NOTIFY uprnChanged)
    // Checks
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY checksChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY checksChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY checksChanged)
    Q_PROPERTY(bool addressChanged READ addressChanged NOTIFY checksChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // Choices
    Q_PROPERTY(QVariantList languageOptions READ languageOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList channelOptions READ channelOptions CONSTANT)

public:
    /// Everything the form holds, as typed.
    struct Form {
        QString title;
        QString givenName;
        QString familyName;
        QString preferredName;
        QString dateOfBirthText;
        QStringList phones;
        QStringList emails;
        QString preferredLanguage = QStringLiteral("en");
        QString preferredChannel = QStringLiteral("phone");
        QString addressLine1;
        QString addressLine2;
        QString town;
        QString postcode;
        QString uprn;
        friend bool operator==(const Form &, const Form &) = default;
    };

    explicit CustomerEditModel(QObject *parent = nullptr);
    ~CustomerEditModel() override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);
    /// Who edits (the signed-in user name); LocalChanges keeps it with what it records.
    QString user() const { return m_user; }
    void setUser(const QString &user);
    /// "Now" for the date-of-birth check and the time of a save; the system clock unless a test sets another.
    void setClock(NowFunction now);

    /// Loads the cached customer (UUID text) into the form; the form is empty until the answer arrives.
    Q_INVOKABLE void load(const QString &customerId);
    /// A blank new customer with this phone number filled in (as read out when it is a valid number).
    Q_INVOKABLE void startNew(const QString &phone = QString());
    /// Back to the values loaded (or the blank new form).
    Q_INVOKABLE void revert();
    /// Saves what changed (see the class comment). Ignored while busy; refused with `errorText` when the
    /// form has errors.
    Q_INVOKABLE void save();

    Q_INVOKABLE void setPhone(int index, const QString &text);
    /// Appends an empty row to type into; empty rows are dropped on save.
    Q_INVOKABLE void addPhone();
    Q_INVOKABLE void removePhone(int index);
    Q_INVOKABLE void setEmail(int index, const QString &text);
    Q_INVOKABLE void addEmail();
    Q_INVOKABLE void removeEmail(int index);

    QString customerId() const;
    QString reference() const { return m_loaded ? m_loaded->reference : QString(); }
    bool isNew() const { return m_isNew; }
    bool hasCustomer() const { return m_isNew || m_loaded.has_value(); }

    QString title() const { return m_form.title; }
    void setTitle(const QString &value);
    QString givenName() const { return m_form.givenName; }
    void setGivenName(const QString &value);
    QString familyName() const { return m_form.familyName; }
    void setFamilyName(const QString &value);
    QString preferredName() const { return m_form.preferredName; }
    void setPreferredName(const QString &value);
    QString dateOfBirthText() const { return m_form.dateOfBirthText; }
    void setDateOfBirthText(const QString &value);
    QStringList phones() const { return m_form.phones; }
    void setPhones(const QStringList &value);
    QStringList emails() const { return m_form.emails; }
    void setEmails(const QStringList &value);
    QString preferredLanguage() const { return m_form.preferredLanguage; }
    void setPreferredLanguage(const QString &value);
    QString preferredChannel() const { return m_form.preferredChannel; }
    void setPreferredChannel(const QString &value);
    QString addressLine1() const { return m_form.addressLine1; }
    void setAddressLine1(const QString &value);
    QString addressLine2() const { return m_form.addressLine2; }
    void setAddressLine2(const QString &value);
    QString town() const { return m_form.town; }
    void setTown(const QString &value);
    QString postcode() const { return m_form.postcode; }
    void setPostcode(const QString &value);
    QString uprn() const { return m_form.uprn; }
    void setUprn(const QString &value);

    QVariantMap fieldErrors() const { return m_fieldErrors; }
    bool valid() const { return hasCustomer() && m_fieldErrors.isEmpty(); }
    bool dirty() const { return hasCustomer() && m_form != m_original; }
    bool addressChanged() const;
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }

    /// [{key, title}]: the languages a council offers (English, Welsh, Irish, Scottish Gaelic, Polish, ...),
    /// plus the loaded customer's own when it is not among them.
    QVariantList languageOptions() const;
    /// [{key, title}] of every channel.
    QVariantList channelOptions() const;

    /// The checks, as a pure function: field -> sentence for everything wrong with `form`. `isNew` and
    /// `original` decide whether an emptied address is a move to nowhere; `today` is the council's date.
    static QVariantMap checkForm(const Form &form, const Form &original, bool isNew, QDate today);
    /// "12/03/1984", "1/3/1984", "12.03.1984", "12-03-1984" -> the date; a null date when it is not one.
    static QDate parseDateOfBirth(const QString &text);
    /// The form as it appears for a stored customer: phones as read out, the date as dd/mm/yyyy.
    static Form formFor(const Customer &customer);

signals:
    void cacheWorkerChanged();
    void userChanged();
    void customerIdChanged();
    void titleChanged();
    void givenNameChanged();
    void familyNameChanged();
    void preferredNameChanged();
    void dateOfBirthTextChanged();
    void phonesChanged();
    void emailsChanged();
    void preferredLanguageChanged();
    void preferredChannelChanged();
    void addressLine1Changed();
    void addressLine2Changed();
    void townChanged();
    void postcodeChanged();
    void uprnChanged();
    void checksChanged();
    void busyChanged();
    void errorTextChanged();
    void optionsChanged();
    /// A load finished and the form shows the customer.
    void loaded();
    /// Everything was saved; `customerId` names the customer (new or existing).
    void saved(const QString &customerId);
    /// Nothing, or not everything, was saved; `errorText` says why.
    void saveFailed();

private:
    struct SaveAnswer {
        std::optional<Customer> stored; // the record as the cache now holds it, when anything was saved
        std::optional<Error> error; // what failed, if anything
    };

    void setForm(const Form &form);
    void setTextField(QString Form::*member, const QString &value, void (CustomerEditModel::*changed)());
    void recheck();
    void show(const std::optional<Customer> &customer, bool isNew, const Form &form);
    void applyLoaded(quint64 generation, const Result<std::optional<Customer>> &answer);
    void applySaved(quint64 generation, const SaveAnswer &answer);
    /// The form read into a customer (on top of `base`), every value canonical. Call only when valid().
    Customer customerFromForm(const Customer &base) const;
    void setBusy(bool busy);
    void setErrorText(const QString &text);

    QPointer<CacheWorker> m_worker;
    QString m_user;
    NowFunction m_now = systemNowUtc;
    quint64 m_generation = 0;
    std::optional<Customer> m_loaded; // the stored record the form started from (existing customers)
    bool m_isNew = false;
    Form m_form;
    Form m_original;
    QVariantMap m_fieldErrors;
    bool m_busy = false;
    QString m_errorText;
};

} // namespace fc
