<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>CipherValue</name>
    <message>
        <source>A NaN (not-a-number) value cannot be stored in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value %1 is outside the range the cache can store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values of type %1 cannot be stored in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>FirstContact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent workstation is being built: sign-in, search and the customer view come next.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migration</name>
    <message>
        <source>Migration %1 is out of sequence: expected version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 has no statements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data was written by a newer version of FirstContact (schema %1; this program knows up to %2). Install the newer version; nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start migration %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed and was rolled back; the data stays at version %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromiseRule</name>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promise must be between 0 and %1 working days; %2 was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The at-risk share must be between 0% and 100% of the time allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judging a promise needs the time the request was raised, its promised-by time and the current time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkingCalendar</name>
    <message>
        <source>England and Wales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the bank holiday file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Europe/London time zone is not available on this computer; install the time zone data (tzdata).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected a date (YYYY-MM-DD) and the holiday&apos;s name, found &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3 is not a date in the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the bank holiday on %3 has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3 is listed more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lists no bank holidays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working calendar needs a valid time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working day must start before it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily cut-off must be after the working day starts and no later than it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promised-by date needs the time the request was raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promise must be between 0 and %1 working days; %2 was given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::AccessNeeds</name>
    <message>
        <source>Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSL interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISL interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign language interpreter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign language interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken-language interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearing loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Case</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of another case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response from the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised in error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CaseStateMachine</name>
    <message>
        <source>A case cannot move from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time of the change is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why this case is being closed without being resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closure reason is only recorded when a case is closed without being resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case was closed without being resolved, so it cannot be reopened. Raise a new case instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case could be reopened until %1. Raise a new case instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Channel</name>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face to face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webchat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video relay (sign language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Customer</name>
    <message>
        <source>Unnamed customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CustomerFlag</name>
    <message>
        <source>Safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently bereaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial hardship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cognitive impairment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care leaver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of verbal abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not visit alone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Demand</name>
    <message>
        <source>Value demand cannot have a failure kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure demand needs a kind: say why the customer had to contact us.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chasing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolved last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong or unclear information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work not done properly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not use another channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::EmailAddress</name>
    <message>
        <source>Enter an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This email address is too long: at most 254 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address has no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address needs an @, as in name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address has only one @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the part before the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the part after the @, such as example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ is too long: at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ can have letters, digits, dots (not first, last or two together) and - _ + &apos; ! # $ % &amp; * / = ? ^ ` { | } ~.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part after the @ needs a dot, as in example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part after the @ is not a valid domain, such as example.org.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::KeyFile</name>
    <message>
        <source>The key file %1 is damaged or incomplete: %2. It has been left exactly as it was; ask IT support before removing or replacing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not right. Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be written (%2). Any previous key file there is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a FirstContact key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is far too large to be a key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its checksum does not match, so some of its bytes have changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its format version is 0, which was never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 was made by a newer version of FirstContact (key file format %2; this version reads format %3). Update FirstContact to open it; the file has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names an unknown key-derivation method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names an unknown encryption method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its key-derivation settings are outside the accepted range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its user name or profile id is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its length does not match its contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 was not found, so the local cache cannot be unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for %1 could not be derived: the computer could not spare the %2 MiB of memory it needs. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name and profile id must each be 1 to %1 bytes long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key file already exists at %1; it has not been replaced, because the cache it opens would be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 belongs to user %2, profile %3, not to user %4, profile %5. Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Outcome</name>
    <message>
        <source>Resolved at first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signposted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assisted self-service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action or abandoned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::PhoneNumber</name>
    <message>
        <source>A phone number can contain only digits, spaces, brackets, dots, hyphens and a leading +.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a UK number range: UK numbers start with 01, 02, 03, 05, 07, 08 or 09, and numbers from abroad with + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short: numbers starting %1 have %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too long: numbers starting %1 have %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the area code, for example 01752 123456.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK numbers start with 0, and numbers from abroad with + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country codes never start with 0: check the digits after + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short: numbers from abroad have at least 7 digits, country code included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too long: numbers from abroad have at most 15 digits, country code included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least the last %1 digits of the number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Postcode</name>
    <message>
        <source>Enter a postcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a UK postcode: those letters are never used in those places. Check it against the letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full UK postcode, such as PL1 2AA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a postcode district, such as PL1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SecureBytes</name>
    <message numerus="yes">
        <source>Could not reserve %n bytes of protected memory for a key.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A key buffer of %1 bytes was requested; that is not a sensible size for a key or password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ServiceCatalogue</name>
    <message>
        <source>Waste and recycling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed bin collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulky waste collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New or replacement bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assisted bin collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single person discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment arrangement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question about a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing repairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damp and mould</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roads and highways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pothole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street light fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked road drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environmental health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pest control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Food hygiene concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fly-tipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parking permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty charge notice challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing Benefit change of circumstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council Tax Reduction claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan renewal query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a breach of planning control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adult social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care needs assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General enquiries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Councillor enquiries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enquiry from a councillor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Sodium</name>
    <message>
        <source>The encryption library could not start, so the local cache cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Uprn</name>
    <message>
        <source>Enter a UPRN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UPRN contains only the digits 0 to 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UPRN has at most 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UPRN is never zero: check the number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
