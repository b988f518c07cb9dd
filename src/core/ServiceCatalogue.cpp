#include "core/ServiceCatalogue.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

// Promises are the council's default working-day targets; a script or a supervisor may set a different
// promised-by date on a single case. Team keys name the back-office queue that works the request.
ServiceCatalogue ServiceCatalogue::defaultCatalogue()
{
    ServiceCatalogue catalogue;
    catalogue.m_services = {
        { u"waste"_s,
          u"WST"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Waste and recycling"),
          {
              { u"missed_bin"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Missed bin collection"), 2,
                u"waste_collections"_s },
              { u"bulky_waste"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Bulky waste collection"), 10,
                u"waste_collections"_s },
              { u"new_bin"_s, QCoreApplication::translate("fc::ServiceCatalogue", "New or replacement bin"), 10,
                u"waste_containers"_s },
              { u"assisted_collection"_s,
                QCoreApplication::translate("fc::ServiceCatalogue", "Assisted bin collection"), 10,
                u"waste_collections"_s },
          } },
        { u"council_tax"_s,
          u"CTX"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Council Tax"),
          {
              { u"change_of_address"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Moving home"), 10,
                u"revenues"_s },
              { u"single_person_discount"_s,
                QCoreApplication::translate("fc::ServiceCatalogue", "Single person discount"), 10, u"revenues"_s },
              { u"payment_arrangement"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Payment arrangement"), 5,
                u"revenues_recovery"_s },
              { u"bill_query"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Question about a bill"), 10,
                u"revenues"_s },
          } },
        { u"housing_repairs"_s,
          u"HSG"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Housing repairs"),
          {
              { u"emergency_repair"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Emergency repair"), 1,
                u"repairs_emergency"_s },
              { u"urgent_repair"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Urgent repair"), 5,
                u"repairs_responsive"_s },
              { u"routine_repair"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Routine repair"), 20,
                u"repairs_responsive"_s },
              { u"damp_and_mould"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Damp and mould"), 10,
                u"repairs_damp_mould"_s },
          } },
        { u"highways"_s,
          u"HWY"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Roads and highways"),
          {
              { u"pothole"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Pothole"), 5,
                u"highways_maintenance"_s },
              { u"street_light"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Street light fault"), 10,
                u"street_lighting"_s },
              { u"blocked_drain"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Blocked road drain"), 10,
                u"highways_drainage"_s },
          } },
        { u"environmental_health"_s,
          u"ENV"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Environmental health"),
          {
              { u"noise_complaint"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Noise complaint"), 10,
                u"environmental_protection"_s },
              { u"pest_control"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Pest control"), 5,
                u"pest_control"_s },
              { u"food_hygiene"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Food hygiene concern"), 10,
                u"food_safety"_s },
              { u"fly_tipping"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Fly-tipping"), 5,
                u"street_scene_enforcement"_s },
          } },
        { u"parking"_s,
          u"PRK"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Parking"),
          {
              { u"permit"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Parking permit"), 10,
                u"parking_permits"_s },
              { u"pcn_challenge"_s,
                QCoreApplication::translate("fc::ServiceCatalogue", "Penalty charge notice challenge"), 20,
                u"parking_appeals"_s },
          } },
        { u"benefits"_s,
          u"BEN"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Benefits"),
          {
              { u"housing_benefit_change"_s,
                QCoreApplication::translate("fc::ServiceCatalogue", "Housing Benefit change of circumstances"), 10,
                u"benefits_assessment"_s },
              { u"council_tax_reduction"_s,
                QCoreApplication::translate("fc::ServiceCatalogue", "Council Tax Reduction claim"), 20,
                u"benefits_assessment"_s },
          } },
        { u"libraries"_s,
          u"LIB"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Libraries"),
          {
              { u"membership"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Library membership"), 5,
                u"library_services"_s },
              { u"renewal_query"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Loan renewal query"), 5,
                u"library_services"_s },
          } },
        { u"planning"_s,
          u"PLN"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Planning"),
          {
              { u"planning_enquiry"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Planning enquiry"), 15,
                u"development_management"_s },
              { u"enforcement"_s,
                QCoreApplication::translate("fc::ServiceCatalogue", "Report a breach of planning control"), 20,
                u"planning_enforcement"_s },
          } },
        { u"adult_social_care"_s,
          u"ASC"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Adult social care"),
          {
              { u"care_needs_assessment"_s,
                QCoreApplication::translate("fc::ServiceCatalogue", "Care needs assessment"), 20,
                u"adult_social_care_front_door"_s },
              { u"blue_badge"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Blue Badge"), 30,
                u"blue_badge"_s },
          } },
        { u"general"_s,
          u"GEN"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "General enquiries"),
          {
              { u"general_enquiry"_s, QCoreApplication::translate("fc::ServiceCatalogue", "General enquiry"), 10,
                u"customer_services"_s },
              // An agent's request that a supervisor review two records that may be one person.
              { u"merge_request"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Possible duplicate record"), 5,
                u"customer_records"_s },
          } },
        // An elected member's enquiry on a resident's behalf is tracked on its own, corporate promise.
        { u"member_enquiry"_s,
          u"MEM"_s,
          QCoreApplication::translate("fc::ServiceCatalogue", "Councillor enquiries"),
          {
              { u"member_enquiry"_s, QCoreApplication::translate("fc::ServiceCatalogue", "Enquiry from a councillor"),
                10, u"member_services"_s },
          } },
    };
    return catalogue;
}

const Service *ServiceCatalogue::service(QStringView key) const
{
    for (const Service &s : m_services) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

const RequestType *ServiceCatalogue::requestType(QStringView serviceKey, QStringView requestTypeKey) const
{
    const Service *s = service(serviceKey);
    if (!s)
        return nullptr;
    for (const RequestType &type : s->requestTypes) {
        if (type.key == requestTypeKey)
            return &type;
    }
    return nullptr;
}

} // namespace fc
