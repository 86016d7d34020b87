"""Every word of the record of completion (`/// quiz-certificate`), in Latvian and English.

The record is self-issued: its wording never suggests that an institution stands behind it.
"""

from __future__ import annotations

CERTIFICATE: dict[str, dict[str, str]] = {
    "lv": {
        "no_js": "Apliecinājumu var izveidot, ja pārlūkā ir ieslēgts JavaScript.",
        "lms": (
            "Šo moduli jūs apgūstat savas mācību platformas (LMS) kursā. Apliecinājumu par kursa "
            "pabeigšanu izsniedz mācību platforma: tā saņem jūsu progresu un pati reģistrē, kad "
            "visi scenāriji ir pabeigti."
        ),
        "todo": "Pabeigti {done} no {total} scenārijiem. Lai izveidotu apliecinājumu, vēl jāpabeidz:",
        "ready": "Visi {total} scenāriji ir pabeigti. Ierakstiet savu vārdu un izdrukājiet apliecinājumu.",
        "name": "Vārds un uzvārds apliecinājumā",
        "name_hint": (
            "Vārds tiek parādīts tikai šajā lapā un drukātajā apliecinājumā. Tas netiek saglabāts "
            "un netiek nosūtīts nekur; pēc lapas aizvēršanas tas pazūd."
        ),
        "print": "Drukāt vai saglabāt PDF",
        "name_first": "Vispirms ierakstiet vārdu un uzvārdu.",
        "title": "Apliecinājums par mācību moduļa apguvi",
        "person": "Vārds, uzvārds",
        "module": "Mācību modulis",
        "module_title": "«Cilvēku tirdzniecībā cietušu personu ētiska intervēšana»",
        "based_on": "Moduļa pamatā",
        "workshop": (
            "Labklājības ministrijas darbnīcas «Sadarbība sociālo pakalpojumu sniegšanā cilvēku "
            "tirdzniecībā cietušām personām» (02.11.2023.) materiāli"
        ),
        "date": "Datums",
        "time": "Aptuvenais mācību laiks",
        "time_value": (
            "apmēram {hours} stundas: aptuveni 2 stundas moduļa lasīšanai un aptuveni {quiz_minutes} minūtes "
            "scenārijiem (2 minūtes uz katru jautājumu, 1,5 minūtes uz katru sarunas soli). Tas ir "
            "aprēķins, nevis izmērīts laiks."
        ),
        "quizzes": "Scenāriji un rezultāti",
        "quiz": "Scenārijs",
        "finished": "Pabeigts",
        "best": "Labākais rezultāts",
        "not_started": "Vēl nav pabeigts",
        "best_value": "{best} no {total}",
        "address": "Moduļa adrese",
        "qr_label": "QR kods ar moduļa adresi: {url}",
        "statement": (
            "Šo ierakstu par moduļa apguvi ir izveidojis pats mācību dalībnieks savā pārlūkā. Tā nav "
            "iestādes izsniegta apliecība vai sertifikāts, un neviena iestāde nav pārbaudījusi tajā "
            "norādītās ziņas."
        ),
    },
    "en": {
        "no_js": "You can create the record when JavaScript is enabled in the browser.",
        "lms": (
            "You are taking this module in a course on your learning platform (LMS). The platform "
            "issues the certificate of completion: it receives your progress and records itself "
            "when every scenario is finished."
        ),
        "todo": "{done} of {total} scenarios finished. To create the record, finish these first:",
        "ready": "All {total} scenarios are finished. Type your name and print the record.",
        "name": "Your name on the record",
        "name_hint": (
            "Your name is shown only on this page and on the printed record. It is not saved and "
            "not sent anywhere; it is gone when you close the page."
        ),
        "print": "Print or save as PDF",
        "name_first": "Please type your name first.",
        "title": "Record of completion of a training module",
        "person": "Name",
        "module": "Training module",
        "module_title": "“Ethical interviewing of people affected by human trafficking”",
        "based_on": "Based on",
        "workshop": (
            "the material of the Ministry of Welfare workshop “Sadarbība sociālo pakalpojumu "
            "sniegšanā cilvēku tirdzniecībā cietušām personām” (“Cooperation in providing social "
            "services to people affected by human trafficking”), 02.11.2023"
        ),
        "date": "Date",
        "time": "Estimated learning time",
        "time_value": (
            "about {hours} hours: about 2 hours to read the module and about {quiz_minutes} minutes for "
            "the scenarios (2 minutes per question, 1.5 minutes per conversation step). This is an "
            "estimate, not a measured time."
        ),
        "quizzes": "Scenarios and results",
        "quiz": "Scenario",
        "finished": "Finished",
        "best": "Best result",
        "not_started": "Not finished yet",
        "best_value": "{best} of {total}",
        "address": "Address of the module",
        "qr_label": "QR code of the module\u2019s address: {url}",
        "statement": (
            "This record of completion was made by the learner in their own browser. It is not a "
            "certificate issued by an institution, and no institution has checked what it says."
        ),
    },
}
