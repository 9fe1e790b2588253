// Turkmenistan: the tenant, its agencies and its three plans. The two closed plans are smaller
// illustrations of what public sources say they covered (docs/demo-content.md).
import { TM_AGENCIES } from "./turkmenistan-agencies";
import { TM_PLAN_2025 } from "./turkmenistan-2025";
import { S, type PlanSpec, type TenantSpec } from "./types";

const TM_PLAN_2016: PlanSpec = {
  key: "tm-2016",
  title: "National Action Plan on Combating Trafficking in Human Beings 2016-2018",
  ru: "Национальный план действий по борьбе с торговлей людьми на 2016–2018 годы",
  description:
    "Approved by presidential decree and developed with IOM. Progress was reviewed at a round table in Ashgabat on 31 August 2018, whose findings informed the next plan. Objectives and activities shown are illustrative, based on public sources.",
  start: "2016",
  end: "2018",
  status: "CLOSED",
  cadence: "half-yearly",
  sections: [
    {
      code: "1", title: "Prevention", ru: "Предупреждение", pillar: "PREVENTION",
      objectives: [{
        code: "1.1", title: "Raise awareness of the risks of irregular migration", ru: "Повышение осведомлённости о рисках нерегулярной миграции",
        activities: [
          {
            code: "1.1.1", title: "Campaigns on the risks of irregular migration in the velayats", ru: "Кампании о рисках нерегулярной миграции в велаятах",
            lead: "culture", partners: ["youth", "women", "iom"], start: "2016", end: "2018", budget: 60000, currency: "USD", funding: "USAID",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Velayats covered by campaigns", ru: "Велаяты, охваченные кампаниями", label: "velayats", baseline: 0, baselineYear: 2015, target: 5, targetYear: 2018 }],
            reports: ["Leaflets and TV spots produced with IOM.", "Campaigns held in Ashgabat, Ahal and Lebap.", "Campaigns held in all five velayats."],
          },
          {
            code: "1.1.2", title: "Open and operate hotlines in Ashgabat and Turkmenabat", ru: "Открытие и обеспечение работы горячих линий в Ашхабаде и Туркменабате",
            lead: "mlsp", partners: ["yenme", "ynamly", "iom"], start: "2016", end: "2018", budget: 90000, currency: "USD", funding: "US Department of State (through IOM)",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Hotlines operating", ru: "Действующие горячие линии", label: "hotlines", baseline: 0, baselineYear: 2015, target: 2, targetYear: 2018 }],
            reports: ["Ashgabat hotline opened, run by an NGO with IOM support.", "Turkmenabat hotline opened.", "Both hotlines operated throughout the year."],
          },
          {
            code: "1.1.3", title: "Train journalists on reporting on trafficking", ru: "Обучение журналистов освещению темы торговли людьми",
            lead: "culture", partners: ["osce"], start: "2017", end: "2018",
            status: "CANCELLED", percent: 0,
            reports: ["Training postponed at the partner's request."],
            challenge: "No partner funding was found; the working group dropped the activity.",
            next: "None.",
          },
        ],
      }],
    },
    {
      code: "2", title: "Protection", ru: "Защита", pillar: "PROTECTION",
      objectives: [{
        code: "2.1", title: "A national referral and assistance mechanism", ru: "Национальный механизм перенаправления и помощи",
        activities: [
          {
            code: "2.1.1", title: "Develop a concept of a national referral mechanism with IOM", ru: "Разработка концепции национального механизма перенаправления совместно с МОМ",
            lead: "pgo", partners: ["mia", "iom"], start: "2016", end: "2018",
            status: "COMPLETED", percent: 100,
            reports: ["Working group on referral formed.", "Concept drafted and discussed with agencies.", "Concept presented to the National Working Group."],
          },
          {
            code: "2.1.2", title: "Material and reintegration aid to victims", ru: "Материальная помощь и помощь в реинтеграции жертвам",
            lead: "mlsp", partners: ["ynam", "keik", "iom"], start: "2016", end: "2018", budget: 70000, currency: "USD", funding: "IOM",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Victims assisted", ru: "Жертвы, получившие помощь", label: "victims", baseline: 0, baselineYear: 2015, target: 60, targetYear: 2018, bySex: true }],
            reports: ["Assistance provided through partner NGOs.", "Vocational courses and small grants for returnees.", "Assistance continued in all velayats."],
          },
          {
            code: "2.1.3", title: "Train police and border officers on victim identification", ru: "Обучение сотрудников полиции и пограничной службы выявлению жертв",
            lead: "mia", partners: ["sbs", "iom"], start: "2016", end: "2018", budget: 25000, currency: "USD", funding: "IOM",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Officers trained", ru: "Обученные сотрудники", label: "officers", baseline: 0, baselineYear: 2015, target: 120, targetYear: 2018 }],
            reports: ["Training module agreed with IOM.", "Trainings in Ashgabat and Mary.", "Trainings in Lebap and Dashoguz."],
          },
        ],
      }],
    },
    {
      code: "3", title: "Prosecution", ru: "Уголовное преследование", pillar: "PROSECUTION",
      objectives: [{
        code: "3.1", title: "Criminalise trafficking and strengthen the criminal-justice response", ru: "Криминализация торговли людьми и усиление мер уголовного правосудия",
        activities: [
          {
            code: "3.1.1", title: "Adopt the Law \"On Combating Trafficking in Persons\"", ru: "Принятие Закона «О противодействии торговле людьми»",
            description: "Law No. 454-V of 15 October 2016 (public source).",
            lead: "mejlis", partners: ["adalat", "pgo"], start: "2016", end: "2016",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Law adopted", ru: "Закон принят", unit: "YES_NO", baseline: 0, baselineYear: 2015, target: 1, targetYear: 2016 }],
            reports: ["Draft law discussed in the Mejlis.", "Law No. 454-V adopted on 15 October 2016."],
          },
          {
            code: "3.1.2", title: "Amend the law following the UNODC legal review", ru: "Внесение изменений в закон по итогам правового анализа УНП ООН",
            lead: "adalat", partners: ["unodc", "mejlis"], start: "2018", end: "2018",
            status: "COMPLETED", percent: 100,
            reports: ["UNODC legal review discussed.", "Amendments adopted in 2018."],
          },
          {
            code: "3.1.3", title: "Train judges and prosecutors on trafficking cases", ru: "Обучение судей и прокуроров рассмотрению дел о торговле людьми",
            lead: "pgo", partners: ["supreme", "unodc"], start: "2017", end: "2018", budget: 20000, currency: "USD", funding: "UNODC",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Judges and prosecutors trained", ru: "Обученные судьи и прокуроры", label: "people trained", baseline: 0, baselineYear: 2016, source: S, target: 40, targetYear: 2017 }],
            reports: ["UNODC training for 40 judges and prosecutors (2017).", "Follow-up seminar on case law."],
          },
        ],
      }],
    },
    {
      code: "4", title: "Partnership", ru: "Партнёрство", pillar: "PARTNERSHIP",
      objectives: [{
        code: "4.1", title: "Coordination and international cooperation", ru: "Координация и международное сотрудничество",
        activities: [
          {
            code: "4.1.1", title: "National Working Group meetings and progress reports", ru: "Заседания Национальной рабочей группы и отчёты о ходе выполнения",
            lead: "mfa", partners: ["nwg", "iom"], start: "2016", end: "2018",
            status: "COMPLETED", percent: 100,
            reports: ["Working group met twice.", "Half-year reports compiled.", "Final progress report prepared."],
          },
          {
            code: "4.1.2", title: "Final review round table (Ashgabat, 31 August 2018)", ru: "Итоговый круглый стол по обзору выполнения (Ашхабад, 31 августа 2018 года)",
            lead: "mfa", partners: ["iom"], start: "2018-07", end: "2018-09", budget: 8000, currency: "USD", funding: "IOM",
            status: "COMPLETED", percent: 100,
            reports: ["Round table held on 31 August 2018 with IOM; findings feed the next plan."],
          },
          {
            code: "4.1.3", title: "Memoranda with destination countries", ru: "Меморандумы со странами назначения",
            lead: "mfa", partners: ["mia"], start: "2017", end: "2018",
            status: "DELAYED", percent: 40,
            reports: ["Draft memoranda prepared.", "Consultations held with one country."],
            challenge: "Partially completed: no memorandum signed by the end of the plan; carried into the next plan.",
            next: "Carry over to the 2020-2022 plan.",
          },
        ],
      }],
    },
  ],
};

const TM_PLAN_2020: PlanSpec = {
  key: "tm-2020",
  title: "National Action Plan on Combating Trafficking in Human Beings 2020-2022",
  ru: "Национальный план действий по борьбе с торговлей людьми на 2020–2022 годы",
  description:
    "Approved in December 2019. No state funds were allocated to it (US TIP report 2021); activities relied on donor funding, mostly through IOM. Objectives and activities shown are illustrative, based on public sources.",
  start: "2020",
  end: "2022",
  status: "CLOSED",
  predecessor: "tm-2016",
  cadence: "yearly",
  sections: [
    {
      code: "1", title: "Prevention", ru: "Предупреждение", pillar: "PREVENTION",
      objectives: [{
        code: "1.1", title: "Awareness and safe migration", ru: "Информирование и безопасная миграция",
        activities: [
          {
            code: "1.1.1", title: "Campaigns on the risks of irregular migration, including online", ru: "Кампании о рисках нерегулярной миграции, в том числе в интернете",
            lead: "youth", partners: ["women", "iom"], start: "2020", end: "2022", budget: 40000, currency: "USD", funding: "USAID",
            status: "COMPLETED", percent: 100,
            reports: ["Campaign moved online during the pandemic.", "Videos and social-media posts reached young people in all velayats.", "Campaign evaluated with IOM."],
          },
          {
            code: "1.1.2", title: "Keep the Ashgabat and Turkmenabat hotlines running", ru: "Поддержка работы горячих линий в Ашхабаде и Туркменабате",
            lead: "mlsp", partners: ["ynamly", "yenme", "iom"], start: "2020", end: "2022", budget: 100000, currency: "USD", funding: "US Department of State (through IOM)",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Calls to the hotlines a year", ru: "Звонки на горячие линии в год", label: "calls", baseline: 8000, baselineYear: 2019, source: "secondary source", target: 8000, targetYear: 2022 }],
            reports: ["Hotlines operated during the pandemic.", "Operators trained on online recruitment risks.", "Hotlines operated throughout the year."],
          },
          {
            code: "1.1.3", title: "World Day against Trafficking (30 July) events", ru: "Мероприятия ко Всемирному дню борьбы с торговлей людьми (30 июля)",
            lead: "culture", partners: ["women", "iom"], start: "2020", end: "2022",
            status: "COMPLETED", percent: 100,
            reports: ["Events held online.", "Events held in Ashgabat and three velayats.", "Events held in all velayats."],
          },
        ],
      }],
    },
    {
      code: "2", title: "Protection", ru: "Защита", pillar: "PROTECTION",
      objectives: [{
        code: "2.1", title: "Identification, referral and reintegration", ru: "Выявление, перенаправление и реинтеграция",
        activities: [
          {
            code: "2.1.1", title: "Adopt identification and referral procedures", ru: "Утверждение процедур выявления и перенаправления",
            lead: "pgo", partners: ["mia", "iom"], start: "2020", end: "2022",
            status: "DELAYED", percent: 70,
            reports: ["Draft procedures (2019) discussed with agencies.", "Draft revised with IOM.", "Draft not adopted by the end of the plan."],
            challenge: "Partially completed: the procedures were not adopted; carried into the 2025-2029 plan.",
            next: "Carry over to the next plan.",
          },
          {
            code: "2.1.2", title: "Reintegration aid to victims and returnees", ru: "Помощь в реинтеграции жертвам и вернувшимся гражданам",
            lead: "mlsp", partners: ["ynam", "iom"], start: "2020", end: "2022", budget: 50000, currency: "USD", funding: "IOM Development Fund",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "People assisted", ru: "Получившие помощь", label: "people", baseline: 0, baselineYear: 2019, target: 45, targetYear: 2022, bySex: true }],
            reports: ["Emergency aid to stranded migrants.", "Reintegration grants paid.", "Follow-up of recipients completed."],
          },
          {
            code: "2.1.3", title: "Open a state shelter for victims", ru: "Открытие государственного приюта для жертв",
            lead: "mlsp", partners: ["keik"], start: "2021", end: "2022",
            status: "CANCELLED", percent: 10,
            reports: ["Premises surveyed."],
            challenge: "No state funds were allocated; the activity was cancelled.",
            next: "None.",
          },
        ],
      }],
    },
    {
      code: "3", title: "Prosecution", ru: "Уголовное преследование", pillar: "PROSECUTION",
      objectives: [{
        code: "3.1", title: "A stronger criminal-justice response", ru: "Усиление мер уголовного правосудия",
        activities: [
          {
            code: "3.1.1", title: "Train MIA investigators on trafficking cases", ru: "Обучение следователей МВД расследованию дел о торговле людьми",
            lead: "mia", partners: ["unodc"], start: "2020", end: "2022", budget: 30000, currency: "USD", funding: "UNODC",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Investigators trained", ru: "Обученные следователи", label: "investigators", baseline: 0, baselineYear: 2019, target: 60, targetYear: 2022 }],
            reports: ["Online course with UNODC.", "Courses in Ashgabat and Mary.", "Course in Lebap."],
          },
          {
            code: "3.1.2", title: "Collect and publish statistics on trafficking cases", ru: "Сбор и публикация статистики по делам о торговле людьми",
            lead: "pgo", partners: ["supreme", "stat"], start: "2020", end: "2022",
            status: "DELAYED", percent: 20,
            reports: ["Data template discussed.", "Data collected internally."],
            challenge: "Partially completed: no statistics were published (none reported 2020-2022).",
            next: "Carry over to the next plan.",
          },
        ],
      }],
    },
    {
      code: "4", title: "Partnership", ru: "Партнёрство", pillar: "PARTNERSHIP",
      objectives: [{
        code: "4.1", title: "International cooperation", ru: "Международное сотрудничество",
        activities: [
          {
            code: "4.1.1", title: "Train consular staff to assist nationals abroad", ru: "Обучение консульских работников оказанию помощи гражданам за рубежом",
            lead: "mfa", partners: ["iom"], start: "2021", end: "2022", budget: 15000, currency: "USD", funding: "IOM",
            status: "COMPLETED", percent: 100,
            indicators: [{ name: "Missions with trained consular staff", ru: "Загранучреждения с обученными консульскими работниками", label: "missions", baseline: 0, baselineYear: 2020, source: S, target: 5, targetYear: 2021 }],
            reports: ["Consular staff of five missions trained (2021).", "Guide on assisting victims abroad distributed."],
          },
          {
            code: "4.1.2", title: "OSCE simulation exercise and regional exchanges", ru: "Имитационные учения ОБСЕ и региональные обмены",
            lead: "mfa", partners: ["osce", "iom"], start: "2021", end: "2022",
            status: "COMPLETED", percent: 100,
            reports: ["Delegation took part in an OSCE simulation exercise.", "Regional exchange with Central Asian states."],
          },
        ],
      }],
    },
  ],
};

export const TURKMENISTAN: TenantSpec = {
  slug: "turkmenistan",
  name: "Turkmenistan",
  countryCode: "TM",
  defaultLocale: "ru",
  agencies: TM_AGENCIES,
  plans: [TM_PLAN_2016, TM_PLAN_2020, TM_PLAN_2025],
};
