import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CaseNode } from '../graphql-types';
import { TrackedTaskNode } from '../tasks/task.types';

@ObjectType('MeetingMaterialCount', { description: '分析材料中的一项计数' })
export class MeetingMaterialCountNode {
  @Field(() => String, { description: '科室编号或问题类别（未分转为空）' }) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('MeetingMaterialWeek', { description: '按周趋势' })
export class MeetingMaterialWeekNode {
  @Field(() => String, { description: '周一日期 YYYY-MM-DD' }) weekStart!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('MeetingMaterialProblem', { description: '突出问题：问题类别 × 科室' })
export class MeetingMaterialProblemNode {
  @Field(() => String) topic!: string;
  @Field(() => ID, { nullable: true }) departmentId!: string | null;
  @Field(() => String) departmentName!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: '其中超期' }) overdue!: number;
}

@ObjectType('MeetingMaterialCase', { description: '材料中的工单' })
export class MeetingMaterialCaseNode {
  @Field(() => CaseNode) case!: CaseNode;
  @Field(() => String) externalNo!: string;
  @Field(() => String) title!: string;
  @Field(() => String) topic!: string;
  @Field(() => String, { description: '主办科室名称' }) departmentName!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Boolean) completed!: boolean;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => [String], { description: '超期的时钟' }) overdueClocks!: string[];
  @Field(() => Boolean, { description: '是否重办（回访不满意或未解决）' }) reopened!: boolean;
}

@ObjectType('DispatchMeetingMaterial', { description: '调度会分析材料（由数据生成）' })
export class DispatchMeetingMaterialNode {
  @Field(() => String) periodFrom!: string;
  @Field(() => String) periodTo!: string;
  @Field(() => Int, { description: '期间受理工单数' }) total!: number;
  @Field(() => [MeetingMaterialCountNode]) byDepartment!: MeetingMaterialCountNode[];
  @Field(() => [MeetingMaterialCountNode]) byTopic!: MeetingMaterialCountNode[];
  @Field(() => [MeetingMaterialWeekNode]) weekly!: MeetingMaterialWeekNode[];
  @Field(() => [MeetingMaterialProblemNode]) topProblems!: MeetingMaterialProblemNode[];
  @Field(() => Int) overdueTotal!: number;
  @Field(() => [MeetingMaterialCaseNode], { description: '超期工单（最多 20 件）' }) overdueCases!: MeetingMaterialCaseNode[];
  @Field(() => Int) reopenedTotal!: number;
  @Field(() => [MeetingMaterialCaseNode], { description: '重办工单（最多 20 件）' }) reopenedCases!: MeetingMaterialCaseNode[];
}

@ObjectType('DispatchMeetingTopic', { description: '调度会议题' })
export class DispatchMeetingTopicNode {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => [ID]) caseIds!: string[];
  @Field(() => [String], { description: '关联聚类编号' }) clusterIds!: string[];
  @Field(() => [MeetingMaterialCaseNode], { description: '关联工单及其状态' }) cases!: MeetingMaterialCaseNode[];
}

@ObjectType('DispatchMeetingDecision', { description: '会议决定' })
export class DispatchMeetingDecisionNode {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => Date) at!: Date;
  @Field(() => [TrackedTaskNode]) tasks!: TrackedTaskNode[];
}

@ObjectType('DispatchMeetingDepartment', { description: '参会科室' })
export class DispatchMeetingDepartmentNode {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('DispatchMeeting', { description: '调度会' })
export class DispatchMeetingNode {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: '会议日期 YYYY-MM-DD' }) heldOn!: string;
  @Field(() => String) periodFrom!: string;
  @Field(() => String) periodTo!: string;
  @Field(() => [DispatchMeetingDepartmentNode]) departments!: DispatchMeetingDepartmentNode[];
  @Field(() => [DispatchMeetingTopicNode]) topics!: DispatchMeetingTopicNode[];
  @Field(() => [DispatchMeetingDecisionNode]) decisions!: DispatchMeetingDecisionNode[];
  @Field(() => Int, { description: '任务数' }) taskCount!: number;
  @Field(() => Int, { description: '未完成任务数' }) openTaskCount!: number;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('DispatchMeetingPage')
export class DispatchMeetingPage {
  @Field(() => Int) total!: number;
  @Field(() => [DispatchMeetingNode]) items!: DispatchMeetingNode[];
}

@InputType('DispatchMeetingTopicInput')
export class DispatchMeetingTopicInput {
  @Field(() => String) title!: string;
  @Field(() => [ID], { defaultValue: [] }) caseIds!: string[];
  @Field(() => [String], { defaultValue: [] }) clusterIds!: string[];
}

@InputType('ScheduleDispatchMeetingInput')
export class ScheduleDispatchMeetingInput {
  @Field(() => String) title!: string;
  @Field(() => String, { description: '会议日期 YYYY-MM-DD' }) heldOn!: string;
  @Field(() => String, { nullable: true, description: '分析期间开始（默认会议日前 27 天）' }) periodFrom?: string | null;
  @Field(() => String, { nullable: true, description: '分析期间结束（默认会议日）' }) periodTo?: string | null;
  @Field(() => [ID]) departmentIds!: string[];
  @Field(() => [DispatchMeetingTopicInput]) topics!: DispatchMeetingTopicInput[];
}

@InputType('DispatchMeetingTaskInput')
export class DispatchMeetingTaskInput {
  @Field(() => String) title!: string;
  @Field(() => ID, { nullable: true, description: '责任科室（必填）' }) departmentId?: string | null;
  @Field(() => String, { nullable: true, description: '截止日期 YYYY-MM-DD，须为工作日（必填）' }) dueDate?: string | null;
}

@InputType('DispatchMeetingDecisionInput')
export class DispatchMeetingDecisionInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => String) text!: string;
  @Field(() => [DispatchMeetingTaskInput], { defaultValue: [] }) tasks!: DispatchMeetingTaskInput[];
}
